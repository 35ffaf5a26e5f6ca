import { z } from 'zod';
import { collectionService } from './collection.ts';

/** Phred quality threshold: a run passes QC at Q30 or better. */
export const PASS_SCORE = 30;

const QcResult = z.object({ id: z.string().min(1), sample_id: z.string().min(1), metric: z.string().min(1).default('mean_q_score'), score: z.number(), passed: z.boolean() });
type QcResult = z.infer<typeof QcResult>;

/** Quality-control results (drift: `passed` becomes "yes"/"no"). */
export const qaqcService = collectionService({
  path: '/api/v1/qaqc/results',
  seedKey: 'results',
  seedItem: QcResult,
  initial: (): QcResult[] => [
    { id: 'qc-0001', sample_id: 'sample-0001', metric: 'mean_q_score', score: 35.2, passed: true },
    { id: 'qc-0002', sample_id: 'sample-0002', metric: 'mean_q_score', score: 27.9, passed: false },
  ],
  create: z.object({ sample_id: z.string().min(1), metric: z.string().min(1).default('mean_q_score'), score: z.number() }),
  build: (input, id): QcResult => ({ id, ...input, passed: input.score >= PASS_SCORE }),
  view: (r, drift) => ({ ...r, passed: drift ? (r.passed ? 'yes' : 'no') : r.passed }),
  database: true,
});
