import { z } from 'zod';
import { collectionService } from './collection.ts';

const Library = z.object({ id: z.string().min(1), sample_id: z.string().min(1), kit: z.string().min(1), concentration_ng_ul: z.number().nonnegative().default(0) });
type Library = z.infer<typeof Library>;

/** Library preparation details (drift: `kit` is renamed `kit_name`). */
export const libraryService = collectionService({
  path: '/api/v1/libraries',
  seedKey: 'libraries',
  seedItem: Library,
  initial: (): Library[] => [
    { id: 'lib-0001', sample_id: 'sample-0001', kit: 'Illumina DNA Prep', concentration_ng_ul: 12.4 },
    { id: 'lib-0002', sample_id: 'sample-0002', kit: 'NEBNext Ultra II', concentration_ng_ul: 8.1 },
  ],
  create: z.object({ sample_id: z.string().min(1), kit: z.string().min(1), concentration_ng_ul: z.number().nonnegative().default(0) }),
  build: (input, id): Library => ({ id, ...input }),
  view: ({ kit, ...rest }, drift) => ({ ...rest, [drift ? 'kit_name' : 'kit']: kit }),
  database: true,
});
