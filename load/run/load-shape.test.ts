import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../core/catalog/load.ts';
import { resolveCatalog } from '../../core/catalog/resolve.ts';
import type { Catalog } from '../../core/catalog/schema.ts';
import { servicesReached } from '../lib/mix.ts';
import { loadShape } from './load-shape.ts';
import { parseSettings } from './resolve-settings.ts';
import type { LoadOptions } from './settings.ts';

const tracseq = loadCatalog();
const shape = (options: Partial<LoadOptions> & { scenario: LoadOptions['scenario'] }, c: Catalog = tracseq) => loadShape(resolveCatalog(c, 'local', {}), parseSettings(options));
/** A system with no hand-written journeys: TracSeq's services, described by the catalog alone. */
const journeyless: Catalog = { ...tracseq, system: 'other', load: { journeys: false } };
const httpServices = tracseq.services.filter((s) => s.kind === 'http').map((s) => s.id).sort();

describe('what a load run sends', () => {
  it('runs the journeys alone, judging the services they reach, overall by the entry service', () => {
    const s = shape({ scenario: 'load' });
    expect(s).toMatchObject({ scenario: 'load', journeys: true, entry: 'api-gateway', plan: undefined, loaded: servicesReached('journeys') });
    expect(s.rules.script).toMatch(/load[/\\]load\.ts$/);
  });

  it('judges stress and spike by the services their single steps and setup reach, not every journey service', () => {
    expect(shape({ scenario: 'spike' }).loaded).toEqual(['auth-service', 'sample-service', 'sequencing-service']);
    expect(shape({ scenario: 'smoke-load' }).loaded).toEqual(['auth-service', 'sample-service', 'sequencing-service', 'storage-service']);
  });

  it('adds the endpoints scenario beside the journeys: every HTTP service is loaded', () => {
    const s = shape({ scenario: 'load', endpoints: true });
    expect(s).toMatchObject({ scenario: 'load', journeys: true, entry: 'api-gateway' });
    expect(s.loaded).toEqual(httpServices);
    expect(s.plan?.endpoints).toHaveLength(16);
  });

  it('runs the endpoints scenario alone without an entry: each service is judged by its own SLOs', () => {
    const s = shape({ scenario: 'endpoints' });
    expect(s).toMatchObject({ scenario: 'endpoints', journeys: false, entry: undefined, loaded: httpServices });
    expect(s.rules.script).toMatch(/load[/\\]endpoints\.ts$/);
  });

  it('on a catalog without journeys, runs a step that asks for the endpoints as the endpoints scenario alone, and says so', () => {
    const s = shape({ scenario: 'load', endpoints: true }, journeyless);
    expect(s).toMatchObject({ scenario: 'endpoints', journeys: false });
    expect(s.notes).toContain('other has no hand-written journeys (load.journeys: false): the load step runs the endpoints scenario alone');
    expect(() => shape({ scenario: 'stress' }, journeyless)).toThrow(/catalog load\.journeys is false: other has no hand-written journeys for the stress scenario/);
  });

  it('refuses the endpoints beside a scenario of another shape, and journeys without an entry', () => {
    expect(() => shape({ scenario: 'stress', endpoints: true })).toThrow(/runs beside load and soak only, not stress/);
    const { entry: _entry, ...noEntry } = tracseq.load;
    expect(() => shape({ scenario: 'load' }, { ...tracseq, load: noEntry })).toThrow(/catalog load\.entry: the journeys need the service they enter through/);
  });

  it('refuses journeys on a catalog that lacks the services they call', () => {
    const without: Catalog = { ...tracseq, services: tracseq.services.filter((s) => s.id !== 'storage-service') };
    expect(() => shape({ scenario: 'load' }, without)).toThrow(/the hand-written journeys call storage-service, which the catalog has no http service for/);
  });
});
