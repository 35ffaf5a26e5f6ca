import { Ajv2020, type ErrorObject, type Plugin, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json' with { type: 'json' };

const addFormats = formats as unknown as Plugin<unknown>;

/**
 * The one JSON Schema validator: ajv 8 (draft 2020-12, draft-07 files accepted) with ajv-formats.
 * Strict about the schemas themselves (an unknown keyword such as `requird` is an error, not a
 * silent no-op); every error of a response is collected, so a failure can say how many more there are.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, logger: false });
  ajv.addMetaSchema(draft07);
  addFormats(ajv);
  return ajv;
}

export type { ErrorObject, ValidateFunction };
