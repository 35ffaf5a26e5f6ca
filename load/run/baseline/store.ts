import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../../../core/errors.ts';
import { PROJECT_ROOT } from '../../../core/suite.ts';
import type { Baseline } from './baseline-schema.ts';
import { readBaseline } from './baseline-file.ts';

/**
 * Where baselines live: one file per target, environment and scenario,
 * `<dir>/<target>/<env>/<scenario>.json`, under $TRACSEQ_BASELINES_DIR or load/baselines.
 */
export interface BaselineKey {
  readonly target: string;
  readonly env: string;
  readonly scenario: string;
}

export function baselinesDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['TRACSEQ_BASELINES_DIR'] ?? join(PROJECT_ROOT, 'load', 'baselines'));
}

export const keyText = (key: BaselineKey): string => `${key.target}/${key.env}/${key.scenario}`;

const PART = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `local/local/soak` -> its key; anything else is a usage error naming the expected form. */
export function parseKey(text: string): BaselineKey {
  const parts = text.split('/');
  if (parts.length !== 3 || !parts.every((p) => PART.test(p))) {
    throw new UsageError(`"${text}" is not a baseline key: give <target>/<env>/<scenario>, e.g. local/local/soak (see \`tracseq-validate load baseline list\`)`);
  }
  const [target, env, scenario] = parts as [string, string, string];
  return { target, env, scenario };
}

export function baselinePath(dir: string, key: BaselineKey): string {
  for (const part of [key.target, key.env, key.scenario]) {
    if (!PART.test(part)) throw new UsageError(`baseline key "${keyText(key)}": "${part}" is not a safe file name`);
  }
  return join(dir, key.target, key.env, `${key.scenario}.json`);
}

const entries = async (dir: string) => (await readdir(dir, { withFileTypes: true }).catch(() => [])).sort((a, b) => a.name.localeCompare(b.name));

/** Every stored baseline, read through its schema (an unreadable one is a ConfigError naming its file). */
export async function listBaselines(dir: string): Promise<{ key: BaselineKey; file: string; baseline: Baseline }[]> {
  const out: { key: BaselineKey; file: string; baseline: Baseline }[] = [];
  for (const target of await entries(dir)) {
    if (!target.isDirectory()) continue;
    for (const env of await entries(join(dir, target.name))) {
      if (!env.isDirectory()) continue;
      for (const file of await entries(join(dir, target.name, env.name))) {
        if (!file.isFile() || !file.name.endsWith('.json')) continue;
        const path = join(dir, target.name, env.name, file.name);
        out.push({ key: { target: target.name, env: env.name, scenario: file.name.slice(0, -'.json'.length) }, file: path, baseline: await readBaseline(path) });
      }
    }
  }
  return out;
}

export async function baselineExists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

/** Removes one baseline; false when there was none. */
export async function removeBaseline(file: string): Promise<boolean> {
  if (!(await baselineExists(file))) return false;
  await rm(file);
  return true;
}
