import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { noEvents } from '../../runtime/admin.ts';
import { parseBody } from '../../runtime/body.ts';
import { HttpError, type Route, type ServiceContext, type ServiceInstance, type ServiceModule } from '../../runtime/types.ts';

export interface Item {
  readonly id: string;
}

export interface CollectionSpec<T extends Item, C extends z.ZodType> {
  /** e.g. `/api/v1/templates`; GET lists `{data}`, GET `/:id` reads one, POST creates. */
  readonly path: string;
  /** Key of the seed body, e.g. `templates` for `{templates: [...]}`. */
  readonly seedKey: string;
  readonly seedItem: z.ZodType<T>;
  readonly initial: () => T[];
  readonly create: C;
  readonly build: (input: z.infer<C>, id: string, now: Date) => T;
  /** The response body of one item; `drift` renames or retypes a field. */
  readonly view: (item: T, drift: boolean) => Record<string, unknown>;
  readonly database: boolean;
  /** More routes, given the store. */
  readonly extraRoutes?: (ctx: ServiceContext, items: Map<string, T>) => Route[];
}

/** A small catalog service over one in-memory collection (templates, libraries, QC results, reports, spreadsheets). */
export function collectionService<T extends Item, C extends z.ZodType>(spec: CollectionSpec<T, C>): ServiceModule {
  const create = (ctx: ServiceContext): ServiceInstance => {
    const items = new Map<string, T>();
    const reset = () => {
      items.clear();
      for (const item of spec.initial()) items.set(item.id, item);
    };
    reset();
    const drift = () => ctx.faults.current.drift;
    const found = (id: string) => {
      const item = items.get(id);
      if (!item) throw new HttpError(404, `no item ${id} in ${spec.path}`);
      return item;
    };
    return {
      routes: [
        { method: 'GET', path: spec.path, handler: () => ({ status: 200, body: { data: [...items.values()].map((i) => spec.view(i, drift())) } }) },
        { method: 'GET', path: `${spec.path}/:id`, handler: (req) => ({ status: 200, body: spec.view(found(req.params['id']!), drift()) }) },
        {
          method: 'POST',
          path: spec.path,
          handler: (req) => {
            const item = spec.build(parseBody(spec.create, req.body), randomUUID(), new Date());
            items.set(item.id, item);
            return { status: 201, body: spec.view(item, drift()) };
          },
        },
        ...(spec.extraRoutes?.(ctx, items) ?? []),
      ],
      reset,
      seed: (body) => {
        const seed = parseBody(z.strictObject({ [spec.seedKey]: z.array(spec.seedItem).default([]) }), body) as Record<string, T[]>;
        for (const item of seed[spec.seedKey] ?? []) items.set(item.id, item);
        return { [spec.seedKey]: items.size };
      },
      produce: noEvents(ctx.id),
    };
  };
  return { database: spec.database, create };
}
