import { join } from 'node:path';
import { k6RunArgs, prometheusRwEnv } from './k6/args.ts';
import { runK6, type K6Exit } from './k6/spawn.ts';
import { executionSegments } from './k6/segments.ts';
import { stripSetupData } from './summary-export.ts';

/**
 * Runs the scenario as N k6 processes at once (each its own execution segment) and returns where
 * each wrote its raw results and summary. One instance runs without a segment.
 */
export interface InstanceRun {
  readonly index: number;
  readonly rawFile: string;
  readonly summaryFile: string;
  readonly exit: K6Exit;
}

export interface ExecuteOptions {
  readonly binary: string;
  readonly script: string;
  readonly dir: string;
  readonly instances: number;
  readonly format: 'json' | 'csv';
  readonly env: Readonly<Record<string, string>>;
  readonly testId: string;
  readonly prometheusRw: string | undefined;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
  /** The child's process environment (PATH, HOME; k6 output settings are added here). */
  readonly processEnv: NodeJS.ProcessEnv;
}

export async function executeInstances(o: ExecuteOptions): Promise<InstanceRun[]> {
  const segments = o.instances > 1 ? executionSegments(o.instances) : [undefined];
  const childEnv = { ...o.processEnv, ...(o.prometheusRw ? prometheusRwEnv(o.prometheusRw) : {}) };
  return Promise.all(
    segments.map(async (segment, index) => {
      const rawFile = join(o.dir, `k6-${index + 1}.${o.format}.gz`);
      const summaryFile = join(o.dir, `k6-summary-${index + 1}.json`);
      const args = k6RunArgs({
        script: o.script,
        rawFile,
        format: o.format,
        summaryFile,
        env: o.env,
        segment,
        // Labels for remote write: one run, and which instance (series from two writers must differ).
        tags: { ...(o.prometheusRw ? { testid: o.testId } : {}), ...(o.instances > 1 ? { instance: String(index + 1) } : {}) },
        prometheusRw: o.prometheusRw !== undefined,
      });
      const prefix = o.instances > 1 ? `[k6 ${index + 1}/${o.instances}] ` : '[k6] ';
      const exit = await runK6(o.binary, args, { env: childEnv, signal: o.signal, onLine: (line) => o.log(prefix + line) });
      await stripSetupData(summaryFile);
      return { index, rawFile, summaryFile, exit };
    }),
  );
}
