import { parseDuration } from '../core/duration.ts';
import { UsageError } from '../core/errors.ts';
import { parseSmokeSettings, type SmokeOptions } from '../smoke/options.ts';

/** Turns `smoke` command-line flags into smoke options; bad values are usage errors (exit 2) naming the flag. */
export function smokeSettingsFromFlags(flags: { services?: string | undefined; timeout?: string | undefined; retries?: string | undefined; wait?: string | undefined; budgetScale?: string | undefined }): { services: string[] | undefined; options: SmokeOptions } {
  const options: SmokeOptions = {};
  if (flags.timeout !== undefined) options.timeoutMs = parseDuration(flags.timeout, '--timeout');
  if (flags.wait !== undefined) options.waitMs = parseDuration(flags.wait, '--wait');
  if (flags.retries !== undefined) {
    if (!/^\d+$/.test(flags.retries.trim())) throw new UsageError(`--retries: "${flags.retries}" is not a whole number`);
    options.retries = Number(flags.retries);
  }
  if (flags.budgetScale !== undefined) {
    const factor = Number(flags.budgetScale);
    if (flags.budgetScale.trim() === '' || !Number.isFinite(factor)) throw new UsageError(`--budget-scale: "${flags.budgetScale}" is not a number`);
    options.budgetScale = factor;
  }
  const services = flags.services?.split(',').map((s) => s.trim()).filter(Boolean);
  if (flags.services !== undefined && services?.length === 0) throw new UsageError('--services: no service named');
  try {
    parseSmokeSettings(options);
  } catch (err) {
    const details = err instanceof UsageError ? err.details.map((d) => d.replace(/^smoke: timeoutMs/, '--timeout').replace(/^smoke: retries/, '--retries').replace(/^smoke: waitMs/, '--wait').replace(/^smoke: budgetScale/, '--budget-scale')) : [];
    throw new UsageError(`smoke: invalid option${details.length === 1 ? '' : 's'}: ${details.join('; ')}`);
  }
  return { services, options };
}
