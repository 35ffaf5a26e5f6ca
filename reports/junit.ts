import { hostname } from 'node:os';
import { create } from 'xmlbuilder2';
import type { Check, RunReport, SuiteResult } from '../core/result.ts';
import { checkReason, checkUrl, countOutcomes } from './failure-line.ts';

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function addCase(suiteEl: ReturnType<ReturnType<typeof create>['ele']>, suite: SuiteResult, check: Check): void {
  const el = suiteEl.ele('testcase', {
    name: check.name,
    classname: `${suite.suite}.${check.service ?? suite.suite}`,
    time: seconds(check.durationMs),
  });
  const url = checkUrl(check);
  const body = [check.failure?.field ? `field: ${check.failure.field}` : '', url ? `url: ${url}` : '', check.failure?.diff ?? '']
    .filter(Boolean)
    .join('\n');
  if (check.outcome === 'fail') {
    el.ele('failure', { type: check.failure?.kind ?? 'fail', message: checkReason(check) }).txt(body);
  } else if (check.outcome === 'inconclusive') {
    el.ele('error', { type: check.failure?.kind ?? 'no-data', message: checkReason(check) }).txt(body);
  } else if (check.outcome === 'skip') {
    el.ele('skipped', { message: checkReason(check) });
  } else if (check.outcome === 'warn') {
    el.ele('system-out').txt(`warn: ${checkReason(check)}${url ? ` (${url})` : ''}`);
  }
}

/**
 * JUnit XML for CI test tabs (GitHub, GitLab, Jenkins): one <testsuite> per suite, one <testcase>
 * per check; fail -> <failure type=FailureKind>, inconclusive -> <error>, skip -> <skipped>.
 * A suite with no checks but a reason (skipped or stopped early) gets one testcase carrying it.
 */
function casesOf(suite: SuiteResult): Check[] {
  if (suite.checks.length > 0 || !suite.reason) return suite.checks;
  return [{ id: `${suite.suite}.suite`, name: `${suite.suite} suite`, outcome: suite.outcome, durationMs: suite.durationMs, detail: { reason: suite.reason } }];
}

export function renderJunit(report: RunReport): string {
  const all = report.suites.flatMap(casesOf);
  const total = countOutcomes(all);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: `tracseq-validate ${report.command} (${report.env})`,
    tests: String(all.length),
    failures: String(total.fail),
    errors: String(total.inconclusive),
    skipped: String(total.skip),
    time: seconds(report.durationMs),
  });
  report.suites.forEach((suite, id) => {
    const checks = casesOf(suite);
    const counts = countOutcomes(checks);
    const el = root.ele('testsuite', {
      name: suite.suite,
      tests: String(checks.length),
      failures: String(counts.fail),
      errors: String(counts.inconclusive),
      skipped: String(counts.skip),
      time: seconds(suite.durationMs),
      timestamp: suite.startedAt.replace(/\.\d+Z$|Z$/, ''),
      hostname: hostname() || 'localhost',
      id: String(id),
      package: 'tracseq-validate',
    });
    el.ele('properties')
      .ele('property', { name: 'run-id', value: report.runId }).up()
      .ele('property', { name: 'env', value: report.env }).up()
      .ele('property', { name: 'outcome', value: suite.outcome });
    for (const check of checks) addCase(el, suite, check);
  });
  return root.end({ prettyPrint: true });
}
