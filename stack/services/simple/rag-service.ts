import { z } from 'zod';
import { noEvents } from '../../runtime/admin.ts';
import { parseBody } from '../../runtime/body.ts';
import type { ServiceContext, ServiceInstance, ServiceModule } from '../../runtime/types.ts';
import { answer, LAB_DOCS, type Doc } from './rag-answer.ts';

const QuerySchema = z.object({ question: z.string().min(1) });
const SeedSchema = z.strictObject({ documents: z.array(z.object({ id: z.string().min(1), text: z.string().min(1) })).default([]) });

/** Enhanced RAG: answers questions from laboratory documents (drift: `confidence` becomes a percentage string). */
function create(ctx: ServiceContext): ServiceInstance {
  const docs: Doc[] = [...LAB_DOCS];
  return {
    routes: [
      {
        method: 'POST',
        path: '/api/v1/rag/query',
        handler: (req) => {
          const result = answer(parseBody(QuerySchema, req.body).question, docs);
          return { status: 200, body: ctx.faults.current.drift ? { ...result, confidence: `${Math.round(result.confidence * 100)}%` } : result };
        },
      },
      { method: 'GET', path: '/api/v1/rag/documents', handler: () => ({ status: 200, body: { data: docs } }) },
    ],
    reset: () => {
      docs.splice(0, docs.length, ...LAB_DOCS);
    },
    seed: (body) => {
      docs.push(...parseBody(SeedSchema, body).documents);
      return { documents: docs.length };
    },
    produce: noEvents(ctx.id),
  };
}

export const ragService: ServiceModule = { database: false, create };
