import type { Route } from './types.ts';

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

interface Compiled {
  readonly route: Route;
  readonly segments: readonly string[];
}

const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Matches `METHOD path` against route templates (`/a/:id`, `/a/*`). Static routes are a single map lookup. */
export class Router {
  readonly #static = new Map<string, Route>();
  readonly #dynamic: Compiled[] = [];
  readonly #paths = new Set<string>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      this.#paths.add(route.path);
      if (route.path.includes('/:') || route.path.endsWith('/*')) this.#dynamic.push({ route, segments: route.path.split('/') });
      else this.#static.set(`${route.method} ${route.path}`, route);
    }
  }

  match(method: string, path: string): RouteMatch | undefined {
    const hit = this.#static.get(`${method} ${path}`);
    if (hit) return { route: hit, params: NO_PARAMS };
    const parts = path.split('/');
    for (const candidate of this.#dynamic) {
      if (candidate.route.method !== method) continue;
      const params = matchSegments(candidate.segments, parts);
      if (params) return { route: candidate.route, params };
    }
    return undefined;
  }

  /** The template a path would match with some method (for 405 answers and metric labels). */
  templateFor(path: string): string | undefined {
    if (this.#paths.has(path)) return path;
    const parts = path.split('/');
    return this.#dynamic.find((c) => matchSegments(c.segments, parts))?.route.path;
  }
}

/** Matches path segments against a template; `:name` captures one segment, a final `*` captures the (non-empty) rest. */
export function matchSegments(template: readonly string[], parts: readonly string[]): Record<string, string> | undefined {
  const wildcard = template[template.length - 1] === '*';
  if (wildcard ? parts.length < template.length : template.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    const p = parts[i]!;
    if (wildcard && i === template.length - 1) {
      if (p === '') return undefined;
      params['*'] = parts.slice(i).join('/');
    } else if (t.startsWith(':')) {
      if (p === '') return undefined;
      params[t.slice(1)] = decodeURIComponent(p);
    } else if (t !== p) return undefined;
  }
  return params;
}
