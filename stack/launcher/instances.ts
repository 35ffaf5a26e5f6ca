import type { Service } from '../../core/catalog/schema.ts';
import { UsageError } from '../../core/errors.ts';
import type { ScrapeJob } from '../../infra/prometheus-config.ts';
import { faultTarget, planFor, type ServiceFaultPlan } from '../faults/fault-plan.ts';
import { closedUrl, portFor } from './ports.ts';
import type { ServiceChild } from './service-child.ts';

/** One process of the stack: a service, or one replica of a replicated service. */
export interface Instance {
  readonly service: Service;
  /** 1-based replica number. */
  readonly index: number;
  /** How many replicas the service runs (`replicas.count`, default 1). */
  readonly count: number;
  /** `sample-service` or, replicated, `sample-service#2`. */
  readonly label: string;
  readonly plan: ServiceFaultPlan;
  /** The port asked for (0: OS-chosen), then the one it listens on. */
  port: number;
  /** Where it listens, or a closed URL when it does not (down, exit-at-start, stopped). */
  url: string;
  child?: ServiceChild | undefined;
  serving: boolean;
}

/**
 * Every process the stack runs for `services`: `replicas.count` of each (default 1). The first replica
 * takes the service's port (catalog port, port base or OS-chosen); the others are OS-chosen.
 */
export function planInstances(host: string, services: readonly Service[], plans: ReadonlyMap<string, ServiceFaultPlan>, portBase: number | undefined, lowest: number): Instance[] {
  return services.flatMap((service) => {
    const count = service.replicas?.count ?? 1;
    return Array.from({ length: count }, (_, i): Instance => {
      const index = i + 1;
      const port = index === 1 ? portFor(service, portBase, lowest) : 0;
      return {
        service, index, count, port,
        label: count > 1 ? faultTarget(service.id, index) : service.id,
        plan: planFor(plans, service.id, count > 1 ? index : undefined),
        url: closedUrl(host, port, index),
        serving: false,
      };
    });
  });
}

/** The service's URL: its first serving replica's (as a Service in front of its ready pods would route), else the first replica's closed URL. */
export function serviceUrls(instances: readonly Instance[]): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const i of instances) if (i.serving && !(i.service.id in urls)) urls[i.service.id] = i.url;
  for (const i of instances) urls[i.service.id] ??= i.url;
  return urls;
}

/** Every replica's URL (serving or not) of each replicated service. */
export function replicaUrls(instances: readonly Instance[]): Record<string, string[]> {
  const replicas: Record<string, string[]> = {};
  for (const i of instances) if (i.count > 1) (replicas[i.service.id] ??= []).push(i.url);
  return replicas;
}

/** One Prometheus job per service (named by its id) with every replica as a target: a down replica shows as `up == 0`. */
export function scrapeJobs(instances: readonly Instance[]): ScrapeJob[] {
  const jobs = new Map<string, string[]>();
  for (const i of instances) jobs.set(i.service.id, [...(jobs.get(i.service.id) ?? []), i.url]);
  return [...jobs].map(([job, targets]) => ({ job, targets }));
}

/** The instances `target` names: `sample-service` (every replica) or `sample-service#2` (one); unknown is a usage error. */
export function selectInstances(instances: readonly Instance[], target: string): Instance[] {
  const chosen = instances.filter((i) => i.service.id === target || i.label === target);
  if (chosen.length === 0) throw new UsageError(`unknown service "${target}" (running: ${instances.map((i) => i.label).join(', ')})`);
  return chosen;
}
