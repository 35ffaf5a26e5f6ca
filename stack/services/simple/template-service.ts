import { z } from 'zod';
import { collectionService } from './collection.ts';

const Template = z.object({ id: z.string().min(1), name: z.string().min(1), version: z.number().int().positive(), fields: z.array(z.string()).default([]) });
type Template = z.infer<typeof Template>;

/** Sample sheet templates (drift: `version` becomes a string). */
export const templateService = collectionService({
  path: '/api/v1/templates',
  seedKey: 'templates',
  seedItem: Template,
  initial: (): Template[] => [
    { id: 'tpl-dna-extraction', name: 'DNA extraction sheet', version: 3, fields: ['barcode', 'sample_type', 'volume_ul', 'concentration_ng_ul'] },
    { id: 'tpl-rna-seq', name: 'RNA-seq submission', version: 2, fields: ['barcode', 'rin', 'library_kit'] },
  ],
  create: z.object({ name: z.string().min(1), fields: z.array(z.string().min(1)).default([]) }),
  build: (input, id): Template => ({ id, name: input.name, version: 1, fields: input.fields }),
  view: (t, drift) => ({ ...t, version: drift ? String(t.version) : t.version }),
  database: true,
});
