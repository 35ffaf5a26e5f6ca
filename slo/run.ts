import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseDuration } from '../core/duration.ts';
import type { SuiteResultOf } from '../core/result.ts';
import { PROJECT_ROOT, timed, type SuiteRunner } from '../core/suite.ts';
import { catalogSlos } from './catalog-slos.ts';
import { tableRow, toCheck } from './checks.ts';
import { evaluateSlos } from './evaluate.ts';
import { comparisonFrom, fileHistory, toStored } from './history.ts';
import { DEFAULT_THRESHOLDS, loadSloFile } from './slo-file.ts';
import { describeAuth, redactor, resolveAuth, type AuthSettings } from './prom/auth.ts';
import { createPromClient } from './prom/client.ts';
import { verdict } from './score.ts';

export interface SloOptions {
  /** Prometheus API base URL (any PromQL-compatible server). */
  readonly prometheus: string;
  /** Default: from PROMETHEUS_* env vars (no flags). */
  readonly auth?: AuthSettings;
  /** Evaluation window, e.g. '1h' (default) or '1m'; 'period': each SLO over its own period. */
  readonly window?: string;
  /**
   * The window's name in the history: evaluations compare with stored ones of the same name
   * (default: the window itself). The gate names a window derived from the run `run:<profile>`.
   */
  readonly historyWindow?: string;
  /** Evaluate as of this time (default: now). */
  readonly at?: Date;
  /** Compare with the last N stored evaluations (relative criteria); 0 = off. */
  readonly compareWith?: number;
  /** With compareWith: a latency change smaller than this (ms) meets the relative criteria (noise). */
  readonly relativeNoiseMs?: number;
  /** An SLO file (tracseq.slo/v1 or OpenSLO v1) instead of the catalog's SLOs. */
  readonly sloFile?: string;
  /** Where evaluations are stored: default $TRACSEQ_SLO_HISTORY_DIR or .tracseq/slo-history. */
  readonly historyDir?: string;
  /** Store this evaluation for later comparisons (default true). */
  readonly store?: boolean;
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  readonly maxBodyBytes?: number;
  /** The label naming the service on every series (default `service`). */
  readonly serviceLabel?: string;
}

/** The SLO suite: evaluates every SLO against Prometheus and gives one verdict. */
export const runSlo: SuiteRunner<SloOptions, 'slo'> = async (ctx, options) => {
  const auth = options.auth ?? resolveAuth({}, ctx.env, (f) => readFileSync(f, 'utf8'));
  const redact = redactor(auth);
  const windowText = options.window ?? '1h';
  const windowMs = windowText === 'period' ? 'period' : parseDuration(windowText, '--window');
  const at = options.at ?? ctx.now();
  const loaded = options.sloFile ? loadSloFile(options.sloFile, { defaultWindowDays: () => ctx.resolved.catalog.sloDefaults.windowDays }) : { slos: catalogSlos(ctx.resolved, { serviceLabel: options.serviceLabel }), thresholds: DEFAULT_THRESHOLDS, warnings: [] };
  for (const w of loaded.warnings) ctx.log(`slo: ${w}`);
  const history = fileHistory(options.historyDir ?? ctx.env['TRACSEQ_SLO_HISTORY_DIR'] ?? join(PROJECT_ROOT, '.tracseq', 'slo-history'));
  const compareWith = options.compareWith ?? 0;
  const historyWindow = options.historyWindow ?? windowText;
  const stored = compareWith > 0 ? await history.load(ctx.resolved.env, historyWindow, compareWith) : undefined;
  if (stored) {
    for (const s of stored.skipped) ctx.log(`slo: history file ${s} is unreadable; skipped`);
    const n = stored.entries.length;
    ctx.log(n === 0
      ? `slo: first evaluation for env ${ctx.resolved.env} over ${historyWindow === windowText ? windowText : `${historyWindow} (${windowText})`}: relative criteria not compared (neutral); this evaluation is stored as the first to compare with`
      : `slo: comparing with ${n} stored evaluation(s)${n < compareWith ? `, fewer than the ${compareWith} asked for` : ''}`);
  }
  const client = createPromClient({ url: options.prometheus, auth, timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes });
  ctx.log(`slo: evaluating ${loaded.slos.length} SLOs over ${windowText} at ${at.toISOString()} against ${client.url} (${describeAuth(auth)})`);
  try {
    const { value: run, startedAt, durationMs } = await timed(ctx.now, () => evaluateSlos(client, loaded.slos, {
      windowMs, at, concurrency: options.concurrency, signal: ctx.signal,
      ...(stored ? { comparison: comparisonFrom(stored.entries, compareWith, (options.relativeNoiseMs ?? 0) / 1000) } : {}),
    }));
    const v = verdict(run.evaluations, loaded.thresholds);
    const tolerated = new Set(v.tolerated);
    const reason = redact(run.unreachable ?? v.reason);
    if (options.store !== false && !run.unreachable) {
      await history.save(toStored(run.evaluations, { at, env: ctx.resolved.env, window: historyWindow, runId: ctx.runId }));
    }
    const result: SuiteResultOf<'slo'> = {
      suite: 'slo',
      outcome: v.outcome,
      startedAt,
      durationMs,
      reason,
      checks: run.evaluations.map((e) => toCheck(e, tolerated)),
      data: {
        prometheus: client.url,
        unreachable: run.unreachable !== undefined,
        auth: describeAuth(auth),
        window: windowText,
        at: at.toISOString(),
        queries: run.queries,
        score: v.score,
        thresholds: loaded.thresholds,
        compareWith,
        historyEntries: stored?.entries.length ?? 0,
        slos: run.evaluations.map((e) => tableRow(e, tolerated)),
      },
    };
    return result;
  } finally {
    await client.close();
  }
};
