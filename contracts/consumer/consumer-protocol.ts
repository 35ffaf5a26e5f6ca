import type { Catalog } from '../../core/catalog/schema.ts';
import type { CaseResult } from './case-result.ts';

/** What the harness asks the consumer worker: run every consumer contract against this catalog into this folder. */
export interface ConsumerJob {
  readonly catalog: Catalog;
  readonly pactsDir: string;
}

/** One message per finished case, then `done` once every contract ran. */
export type ConsumerMessage = { readonly kind: 'case'; readonly result: CaseResult } | { readonly kind: 'done'; readonly contracts: number };
