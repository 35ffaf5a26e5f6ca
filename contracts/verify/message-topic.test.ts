import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../core/catalog/load.ts';
import { publishedBy } from '../../core/catalog/edges.ts';
import { messageTopic } from './message-topic.ts';

describe('the event a message interaction asks for', () => {
  it('is the event its description names, when the provider publishes it', () => {
    const publishes = ['storage.location_assigned', 'storage.location_released'];
    expect(messageTopic('storage.location_assigned: a location was given', publishes)).toBe('storage.location_assigned');
    expect(messageTopic('storage.location_released', publishes)).toBe('storage.location_released');
    expect(messageTopic('sample.created: a sample', publishes)).toBeUndefined();
    expect(messageTopic('a location was given', publishes)).toBeUndefined();
  });

  it('comes from the catalog: what each service publishes', () => {
    const catalog = loadCatalog();
    expect(publishedBy(catalog, 'sequencing-service')).toEqual(['sequencing.job_submitted', 'sequencing.job_completed']);
    expect(publishedBy(catalog, 'auth-service')).toEqual([]);
    expect(publishedBy(catalog, 'no-such-service')).toEqual([]);
  });
});
