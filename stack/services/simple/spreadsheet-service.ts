import { z } from 'zod';
import { HttpError } from '../../runtime/types.ts';
import { collectionService } from './collection.ts';

const Sheet = z.object({ id: z.string().min(1), name: z.string().min(1), version: z.number().int().positive(), updated_at: z.string().min(1) });
type Sheet = z.infer<typeof Sheet>;

/** Spreadsheet versions; POST /:id/versions records a new version (drift: `version` becomes a string). */
export const spreadsheetService = collectionService({
  path: '/api/v1/spreadsheets',
  seedKey: 'spreadsheets',
  seedItem: Sheet,
  initial: (): Sheet[] => [{ id: 'sheet-0001', name: 'Plate layout 2025-07', version: 4, updated_at: '2025-07-01T00:00:00.000Z' }],
  create: z.object({ name: z.string().min(1) }),
  build: (input, id, now): Sheet => ({ id, name: input.name, version: 1, updated_at: now.toISOString() }),
  view: (s, drift) => ({ ...s, version: drift ? String(s.version) : s.version }),
  database: true,
  extraRoutes: (ctx, items) => [
    {
      method: 'POST',
      path: '/api/v1/spreadsheets/:id/versions',
      handler: (req) => {
        const sheet = items.get(req.params['id']!);
        if (!sheet) throw new HttpError(404, `no spreadsheet ${req.params['id']}`);
        const next = { ...sheet, version: sheet.version + 1, updated_at: new Date().toISOString() };
        items.set(next.id, next);
        return { status: 201, body: { ...next, version: ctx.faults.current.drift ? String(next.version) : next.version } };
      },
    },
  ],
});
