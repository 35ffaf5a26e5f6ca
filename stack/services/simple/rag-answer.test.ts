import { describe, expect, it } from 'vitest';
import { tracseqSchema } from '../../testing/catalog-schemas.ts';
import { answer } from './rag-answer.ts';

describe('rag answer', () => {
  it('answers from the best-matching documents with their ids as sources', () => {
    const result = answer('Which samples are stored at -80C?');
    expect(result.sources[0]).toBe('sop-storage-001');
    expect(result.confidence).toBeGreaterThan(0);
    expect(tracseqSchema('rag-answer.json').check(result)).toEqual([]);
  });

  it('says so, with zero confidence, when nothing matches', () => {
    expect(answer('quantum chromodynamics')).toEqual({ answer: 'No laboratory document matches the question.', confidence: 0, sources: [] });
  });
});
