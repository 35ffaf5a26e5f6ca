import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../core/catalog/load.ts';
import { planFaults } from '../faults/fault-plan.ts';
import { parseFaultSpec } from '../faults/fault-spec.ts';
import { planInstances, replicaUrls, scrapeJobs, selectInstances, serviceUrls } from './instances.ts';

const nanopore = loadCatalog(new URL('../../catalog/nanopore.yaml', import.meta.url).pathname);
const http = nanopore.services.filter((s) => s.kind === 'http');
const plans = planFaults(['sample-service#1:down', 'ai-service:down'].map((t) => parseFaultSpec(t, nanopore)));

describe('the processes of a stack with replicas', () => {
  it('runs replicas.count processes per service, the first on the service\'s port and the others on OS-chosen ones', () => {
    const instances = planInstances('127.0.0.1', http, plans, 20000, 3000);
    expect(instances.map((i) => `${i.label}:${i.port}`)).toEqual([
      'router:20000', 'sample-service#1:20001', 'sample-service#2:0', 'sample-service#3:0', 'ai-service#1:20002', 'ai-service#2:0',
      'audit-service#1:20003', 'audit-service#2:0', 'backup-service:20004', 'config-service#1:20005', 'config-service#2:0', 'event-bus:20006',
    ]);
    expect(instances.filter((i) => i.plan.down).map((i) => i.label)).toEqual(['sample-service#1', 'ai-service#1', 'ai-service#2']);
  });

  it('gives a service the URL of its first serving replica, lists every replica, and scrapes each under the service\'s job', () => {
    const instances = planInstances('127.0.0.1', http.filter((s) => s.id === 'sample-service' || s.id === 'ai-service'), plans, 0, 3000);
    instances.forEach((i, n) => {
      if (!i.plan.down) Object.assign(i, { serving: true, url: `http://127.0.0.1:${41000 + n}` });
    });
    expect(serviceUrls(instances)).toEqual({ 'sample-service': 'http://127.0.0.1:41001', 'ai-service': 'http://127.0.0.1:1' });
    expect(replicaUrls(instances)).toEqual({ 'sample-service': ['http://127.0.0.1:1', 'http://127.0.0.1:41001', 'http://127.0.0.1:41002'], 'ai-service': ['http://127.0.0.1:1', 'http://127.0.0.2:1'] });
    expect(scrapeJobs(instances)[0]).toEqual({ job: 'sample-service', targets: ['http://127.0.0.1:1', 'http://127.0.0.1:41001', 'http://127.0.0.1:41002'] });
    expect(selectInstances(instances, 'sample-service#2').map((i) => i.label)).toEqual(['sample-service#2']);
    expect(selectInstances(instances, 'ai-service')).toHaveLength(2);
    expect(() => selectInstances(instances, 'sample-service#9')).toThrow(/unknown service "sample-service#9" \(running: sample-service#1, /);
  });
});
