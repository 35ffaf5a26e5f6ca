import type { Service } from '../../core/catalog/schema.ts';
import { schemaName, type ExplainContext } from './context.ts';
import { inline, joined } from './words.ts';

/** One infrastructure dependency: its database, the pool the service holds, the breaker on its calls. */
function infraDependency(i: Service['dependencies']['infrastructure'][number]): string {
  const parts = [
    i.database ? `database ${i.database}` : '',
    i.pool ? `pool min ${i.pool.min} max ${i.pool.max} acquireTimeout ${i.pool.acquireTimeout} (database_connection_pool_max)` : '',
    i.circuitBreaker ? `circuitBreaker threshold ${i.circuitBreaker.threshold} reset ${i.circuitBreaker.reset} (circuit_breaker_state)` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `${i.id} (${parts.join(', ')})` : i.id;
}

/** A service's `dependencies`: HTTP calls and their examples, events, infrastructure. */
export function explainDependencies(service: Service, ctx: ExplainContext): string[] {
  const d = service.dependencies;
  const generated = ctx.catalog.contracts.handWritten ? 'a generated pact interaction unless a hand-written contract covers the edge' : 'a generated pact interaction';
  const http = d.http.map((dep, j) => {
    const ex = dep.example;
    const example = ex
      ? `example${ex.state ? ` (state "${ex.state}"${ex.seed ? `, seed ${inline(ex.seed)} posted to the provider first` : ''})` : ''}: ${generated}${ex.request ? `, request ${inline(ex.request)}` : ''}, response ${ex.response.status}${ex.response.schema !== undefined ? ` pinned by ${schemaName(ex.response.schema, ctx)}` : ''}`
      : `no example: ${ctx.catalog.contracts.handWritten ? 'covered by a hand-written contract, or reported uncovered' : 'no pact; coverage reports the edge uncovered'}`;
    return `  dependencies.http[${j}] ${dep.name}: calls ${dep.to} ${dep.method} ${dep.path}; ${example}`;
  });
  const publishes = d.publishes.map((p, j) =>
    `  dependencies.publishes[${j}] ${p.event}: ${p.example !== undefined ? `example: a generated message pact${p.schema !== undefined ? ` pinned by ${schemaName(p.schema, ctx)}` : ''}` : 'no example'}`);
  const consumes = d.consumes.map((c, j) =>
    `  dependencies.consumes[${j}] ${c.event} from ${c.from}: reads ${c.fields.length > 0 ? inline(c.fields) : 'no declared field'} (the producer's pacts pin them)`);
  const infra = d.infrastructure.length > 0
    ? [`  dependencies.infrastructure: ${joined(d.infrastructure.map(infraDependency))} (named when that probe fails)`]
    : [];
  const lines = [...http, ...publishes, ...consumes, ...infra];
  return lines.length > 0 ? lines : ['  dependencies: none'];
}
