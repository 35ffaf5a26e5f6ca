import { describe, expect, it } from 'vitest';
import { catalogEdges } from '../core/catalog/edges.ts';
import { loadCatalog } from '../core/catalog/load.ts';
import { claimedEdgeName } from './coverage/coverage.ts';
import { HTTP, MESSAGES } from './interactions.ts';

const catalog = loadCatalog();
const edges = catalogEdges(catalog);

describe('the interaction descriptions', () => {
  it('name, before ": ", an HTTP dependency or a consumed event of the catalog', () => {
    const http = new Set(edges.filter((e) => e.kind === 'http').map((e) => e.name));
    const consumed = new Set(catalog.services.flatMap((s) => s.dependencies.consumes.map((c) => c.event)));
    expect(Object.values(HTTP).map(claimedEdgeName).filter((name) => !http.has(name ?? ''))).toEqual([]);
    expect(Object.values(MESSAGES).map(claimedEdgeName).filter((name) => !consumed.has(name ?? ''))).toEqual([]);
  });
});
