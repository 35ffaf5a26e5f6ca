import { ConfigError, UnreachableError } from '../../core/errors.ts';
import { parseJson } from '../../core/read-file.ts';
import { k6InspectArgs } from './k6/args.ts';
import { k6ErrorReason } from './k6/error-reason.ts';
import { mapK6Exit } from './k6/exit-codes.ts';
import { captureK6 } from './k6/spawn.ts';
import { InspectSchema, type Inspect } from './stress/schedule.ts';

/**
 * `k6 inspect` with the run's settings: k6's own view of the scenarios (the schedule the stress
 * analysis needs) and a config check before any load is sent: a bad value is exit 2 here.
 */
export async function inspectScenario(binary: string, script: string, env: Readonly<Record<string, string>>, processEnv: NodeJS.ProcessEnv): Promise<Inspect> {
  const out = await captureK6(binary, k6InspectArgs(script, env), processEnv);
  if (out.code === null) throw new UnreachableError(`cannot run k6 at ${binary}`);
  if (out.code !== 0) {
    const meaning = mapK6Exit(out.code);
    const reason = k6ErrorReason(out.stderr) ?? out.stderr.trim().split('\n').pop() ?? '';
    throw new ConfigError(`${script}: ${meaning.meaning} (k6 inspect exit ${out.code}): ${reason}`);
  }
  return parseJson(out.stdout, InspectSchema, `k6 inspect ${script}`, 'scenario options');
}
