import type { Catalog } from '../../../core/catalog/schema.ts';
import type { Reply, Req } from '../../runtime/types.ts';

/** Another catalog service's example call to this one (`dependencies.http[].example`), as this service answers it. */
export interface ExampleAnswer {
  readonly method: string;
  /** The dependency's path as a route template (`/api/v1/items/:sku`). */
  readonly route: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
  readonly body: unknown;
}

export function routeTemplate(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** Every example call the catalog's services make to `id`, in catalog order. */
export function exampleAnswers(catalog: Catalog, id: string): ExampleAnswer[] {
  return catalog.services.flatMap((s) =>
    s.dependencies.http.flatMap((d): ExampleAnswer[] =>
      d.to !== id || !d.example
        ? []
        : [{ method: d.method, route: routeTemplate(d.path), params: d.example.request?.params ?? {}, query: d.example.request?.query ?? {}, status: d.example.response.status, body: d.example.response.body }],
    ),
  );
}

function fits(answer: ExampleAnswer, req: Req): boolean {
  const query = new URLSearchParams(req.search);
  return Object.entries(answer.params).every(([k, v]) => req.params[k] === v) && Object.entries(answer.query).every(([k, v]) => query.get(k) === v);
}

/** The answer whose params and query the request carries, else the first: several consumers may call one route with different examples. */
export function pickAnswer(answers: readonly ExampleAnswer[], req: Req): ExampleAnswer {
  return answers.find((a) => fits(a, req)) ?? answers[0]!;
}

/**
 * The `drift` fault on a catalog-driven answer or event: the first field of the body (of each item, for a
 * list) is renamed `<field>_drifted`, so a pact or schema that pins it fails naming it.
 */
export function drifted(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(drifted);
  if (body === null || typeof body !== 'object') return body;
  const [first] = Object.keys(body);
  if (first === undefined) return body;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k === first ? `${k}_drifted` : k, v]));
}

export function answerReply(answer: ExampleAnswer, drift: boolean): Reply {
  return answer.body === undefined ? { status: answer.status } : { status: answer.status, body: drift ? drifted(answer.body) : answer.body };
}
