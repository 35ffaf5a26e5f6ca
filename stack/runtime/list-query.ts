/** The paging query every list endpoint of the stack reads. */
export interface ListQuery {
  readonly status?: string;
  readonly limit: number;
  readonly offset: number;
}

export const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** `?status=&limit=&offset=` (bad numbers fall back to the defaults; limit is capped at 1000). */
export function parseListQuery(search: string): ListQuery {
  if (search === '') return { limit: DEFAULT_LIMIT, offset: 0 };
  const params = new URLSearchParams(search);
  const int = (name: string, fallback: number) => {
    const n = Number(params.get(name) ?? Number.NaN);
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  const status = params.get('status') ?? undefined;
  return { ...(status ? { status } : {}), limit: Math.min(MAX_LIMIT, int('limit', DEFAULT_LIMIT)), offset: int('offset', 0) };
}
