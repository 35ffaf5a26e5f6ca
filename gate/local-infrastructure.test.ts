import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { parseFaultSpec } from '../stack/faults/fault-spec.ts';
import { planInfrastructure, probeEnv } from './local-infrastructure.ts';

const catalog = loadCatalog();

describe('planInfrastructure', () => {
  it('starts every postgres and redis entry of the catalog, with the databases it holds, and no http-probe', () => {
    expect(planInfrastructure(catalog, [])).toEqual([
      { id: 'postgres', kind: 'postgres', databases: ['tracseq_prod'], down: false },
      { id: 'redis', kind: 'redis', databases: [], down: false },
    ]);
  });

  it('leaves down exactly the entries a down fault names', () => {
    const faults = ['postgres:down', 'sample-service:down'].map((f) => parseFaultSpec(f, catalog));
    expect(planInfrastructure(catalog, faults).map((p) => `${p.id}:${p.down}`)).toEqual(['postgres:true', 'redis:false']);
  });
});

describe('probeEnv', () => {
  it("points smoke's PostgreSQL probe at the entry's first database, so the probe proves it was created", () => {
    const [postgres, redis] = planInfrastructure(catalog, []);
    expect(probeEnv(postgres!, 'postgresql://postgres@127.0.0.1:5433/postgres')).toEqual(['POSTGRES_URL', 'postgresql://postgres@127.0.0.1:5433/tracseq_prod']);
    expect(probeEnv(redis!, 'redis://127.0.0.1:6380')).toEqual(['REDIS_URL', 'redis://127.0.0.1:6380']);
  });
});
