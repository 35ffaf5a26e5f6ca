export interface Doc {
  readonly id: string;
  readonly text: string;
}

/** Laboratory knowledge the reference RAG service answers from. */
export const LAB_DOCS: readonly Doc[] = [
  { id: 'sop-storage-001', text: 'DNA and RNA samples are stored at -80C in freezers A and B; tissue is kept in liquid nitrogen at -196C.' },
  { id: 'sop-intake-002', text: 'Every sample receives a barcode at intake and is stored within one hour of receipt.' },
  { id: 'sop-sequencing-003', text: 'Sequencing jobs run on NovaSeq 6000; a run passes quality control at a mean Q30 score or better.' },
  { id: 'sop-reagents-004', text: 'Reagents and buffers are kept at 4C; enzymes are stored at -20C.' },
];

const STOP = new Set(['the', 'a', 'an', 'are', 'is', 'at', 'which', 'what', 'of', 'in', 'and', 'on', 'to', 'for', 'how', 'where']);

export function terms(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9-]+/).filter((t) => t.length > 1 && !STOP.has(t));
}

/**
 * Retrieval by term overlap: the best-matching documents form the answer; confidence is the share of the
 * question's terms found in the best document (0 when nothing matches).
 */
export function answer(question: string, docs: readonly Doc[] = LAB_DOCS): { answer: string; confidence: number; sources: string[] } {
  const asked = new Set(terms(question));
  const scored = docs
    .map((doc) => ({ doc, hits: terms(doc.text).filter((t, i, all) => asked.has(t) && all.indexOf(t) === i).length }))
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits);
  const best = scored[0];
  if (!best || asked.size === 0) return { answer: 'No laboratory document matches the question.', confidence: 0, sources: [] };
  const top = scored.slice(0, 2);
  return {
    answer: top.map((s) => s.doc.text).join(' '),
    confidence: Math.round((best.hits / asked.size) * 100) / 100,
    sources: top.map((s) => s.doc.id),
  };
}
