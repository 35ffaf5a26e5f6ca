import { z } from 'zod';
import { collectionService } from './collection.ts';

const Report = z.object({ id: z.string().min(1), title: z.string().min(1), kind: z.string().min(1).default('summary'), generated_at: z.string().min(1) });
type Report = z.infer<typeof Report>;

/** Laboratory reports; POST generates one (drift: `generated_at` is renamed `generatedAt`). */
export const reportsService = collectionService({
  path: '/api/v1/reports',
  seedKey: 'reports',
  seedItem: Report,
  initial: (): Report[] => [{ id: 'rpt-0001', title: 'Monthly sample throughput', kind: 'throughput', generated_at: '2025-07-01T00:00:00.000Z' }],
  create: z.object({ title: z.string().min(1), kind: z.string().min(1).default('summary') }),
  build: (input, id, now): Report => ({ id, ...input, generated_at: now.toISOString() }),
  view: ({ generated_at, ...rest }, drift) => ({ ...rest, [drift ? 'generatedAt' : 'generated_at']: generated_at }),
  database: true,
});
