import { readFileSync } from 'node:fs';

/** The harness's name and version as reports record them: the version is package.json's, written nowhere else. */
export const TOOL: { readonly name: string; readonly version: string } = {
  name: 'tracseq-validate',
  version: (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version,
};
