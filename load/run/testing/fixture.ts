import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../../core/catalog/schema.ts';
import { loadCatalog } from '../../../core/catalog/load.ts';
import { resolveCatalog } from '../../../core/catalog/resolve.ts';
import type { SuiteContext } from '../../../core/suite.ts';
import { startStack, type RunningStack, type StackOptions } from '../../../stack/launcher.ts';

/**
 * Integration-test plumbing: the reference stack with the services the journeys reach (OS-chosen
 * ports), and a SuiteContext pointing the load suite at it. The gateway's rate limit is set on
 * purpose: high by default (the seed's 1000/60 s would throttle any load), low where a test wants 429s.
 */
export const LOAD_SERVICES = ['api-gateway', 'auth-service', 'sample-service', 'storage-service', 'sequencing-service', 'event-service', 'notification-service'];

export const NO_RATE_LIMIT = { requests: 1_000_000_000, windowMs: 60_000 };

export function startLoadStack(options: Partial<StackOptions> = {}): Promise<RunningStack> {
  return startStack({ portBase: 0, services: LOAD_SERVICES, rateLimit: NO_RATE_LIMIT, ...options });
}

export interface TestContext {
  readonly ctx: SuiteContext;
  readonly logs: string[];
  cleanup(): Promise<void>;
}

/** A context resolving the catalog (optionally edited) against the stack's URLs, reports in a temp dir. */
export async function loadContext(stack: RunningStack, edit: (c: Catalog) => Catalog = (c) => c): Promise<TestContext> {
  const reportDir = await mkdtemp(join(tmpdir(), 'tracseq-load-test-'));
  const logs: string[] = [];
  const ctx: SuiteContext = {
    resolved: resolveCatalog(edit(loadCatalog()), 'local', stack.env),
    runId: `test-${Date.now()}`,
    reportDir,
    signal: new AbortController().signal,
    log: (line) => logs.push(line),
    env: process.env,
    now: () => new Date(),
  };
  return { ctx, logs, cleanup: () => rm(reportDir, { recursive: true, force: true }) };
}

/** The catalog with the gateway's (overall) SLO changed. */
export function withGatewaySlo(slo: { latencyP95Ms?: number; latencyP99Ms?: number }): (c: Catalog) => Catalog {
  return (c) => ({ ...c, services: c.services.map((s) => (s.id === 'api-gateway' ? { ...s, slos: { ...s.slos, ...slo } } : s)) });
}
