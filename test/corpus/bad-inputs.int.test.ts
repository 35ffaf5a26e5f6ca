import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.ts';
import { limit } from '../helpers/limit.ts';
import { filesUnder, reportProblems } from '../helpers/report-dirs.ts';
import { startFakePrometheus, type CannedAnswer, type FakePrometheus } from './fake-prometheus.ts';
import { BAD_DIR, commandFor, headline, loadManifest } from './manifest.ts';

/**
 * The bad-input corpus (testdata/bad/manifest.yaml): every malformed catalog, SLO file, pact file,
 * Prometheus answer and k6 results file gives exit 2 or 3 with a one-line headline naming the input and
 * the field at fault; no stack trace, no hang (every run has a deadline), and no half-written report
 * (every run folder left has a valid report.json; no temporary file is left). Runs go a few at a time,
 * each with its own reports folder and, for Prometheus answers, its own loopback server.
 */
const entries = loadManifest();
const tmp = mkdtempSync(join(tmpdir(), 'tracseq-corpus-'));
const DEADLINE_MS = 60_000;
/** CLI children at once: the machine has two cores. */
const slot = limit(2);
const GENERATED = 3; // the 50 MB answer, the cut gzip and a k6 that dies mid-run, built below
let seq = 0;

beforeAll(() => {
  process.stdout.write(`bad-input corpus: ${entries.length + GENERATED} inputs (${entries.length} files under testdata/bad, ${GENERATED} generated at test time)\n`);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI with a deadline and checks what every bad input must leave: no stack trace, no half-written report. */
async function run(args: string[]): Promise<CliResult> {
  const reports = join(tmp, `reports-${(seq += 1)}`);
  const result = await slot(() => runCli(args, {
    timeoutMs: DEADLINE_MS,
    env: { TRACSEQ_REPORTS_DIR: reports, TRACSEQ_SLO_HISTORY_DIR: join(tmp, 'slo-history'), TRACSEQ_CONTRACTS_MATRIX: join(reports, 'matrix.json'), PROMETHEUS_URL: '' },
  }));
  expect(result.signal, `killed at the ${DEADLINE_MS} ms deadline (a hang): ${args.join(' ')}`).toBeNull();
  expect(`${result.stdout}\n${result.stderr}`, 'a stack trace').not.toMatch(/\n\s+at /);
  expect(reportProblems(reports)).toEqual([]);
  return result;
}

async function withPrometheus<T>(answer: CannedAnswer, when: RegExp | undefined, body: (p: FakePrometheus) => Promise<T>): Promise<T> {
  const prometheus = await startFakePrometheus();
  prometheus.answer(answer, when);
  try {
    return await body(prometheus);
  } finally {
    await prometheus.close();
  }
}

describe('the bad-input corpus', () => {
  it('lists every file under testdata/bad once in its manifest', () => {
    const listed = entries.map((e) => e.file).sort();
    const onDisk = filesUnder(BAD_DIR).filter((f) => f !== 'manifest.yaml').sort();
    expect(listed).toEqual(onDisk);
  });

  it.concurrent.each(entries.map((e) => [e.file, e] as const))('%s: exit code, headline naming it and the field, nothing half-written', async (_name, entry) => {
    const serve = entry.serve;
    const answer: CannedAnswer = serve
      ? { status: serve.status, contentType: serve.contentType, body: readFileSync(join(BAD_DIR, entry.file), 'utf8') }
      : { status: 500, contentType: 'text/plain', body: 'this input is not a Prometheus answer' };
    await withPrometheus(answer, serve?.when ? new RegExp(serve.when) : undefined, async (prometheus) => {
      const result = await run(commandFor(entry, prometheus.url));
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.code, output).toBe(entry.exit);
      const head = headline(serve ? result.stdout : result.stderr);
      expect(head.line, output).toMatch(new RegExp(entry.error));
      const source = serve ? prometheus.url : entry.names ?? join('testdata/bad', entry.file);
      expect(serve ? output : head.line, `names ${source}`).toContain(source);
      expect(`${head.line}\n${head.rest}`, `names ${entry.field}`).toContain(entry.field);
    });
  });
});

describe('bad inputs generated at test time', () => {
  it.concurrent('a 50 MB Prometheus answer is refused at the body cap (exit 3) without reading it all', async () => {
    const chunk = `{"metric":{"service":"sample-service","pad":"${'x'.repeat(990)}"},"value":[1764000000,"1"]},`;
    const count = Math.ceil((50 * 1024 * 1024) / chunk.length);
    const huge: CannedAnswer = {
      status: 200,
      contentType: 'application/json',
      body: function* () {
        yield '{"status":"success","data":{"resultType":"vector","result":[';
        for (let i = 0; i < count; i += 1) yield chunk;
        yield '{"metric":{},"value":[1764000000,"1"]}]}}';
      },
    };
    await withPrometheus(huge, undefined, async (prometheus) => {
      const result = await run(['slo', 'evaluate', '--prometheus', prometheus.url, '--window', '5m', '--services', 'sample-service', '--no-store', '--timeout', '10s']);
      expect(result.code, result.stdout).toBe(3);
      expect(headline(result.stdout).line).toMatch(new RegExp(`^INCONCLUSIVE slo: Prometheus API unusable: answer from ${prometheus.url}/api/v1/query is larger than 8388608 bytes`));
    });
  });

  it.concurrent('a gzipped k6 results file cut short is exit 2 naming the file and the line', async () => {
    const lines = readFileSync(join(BAD_DIR, 'k6/results-cut-mid-line.json'), 'utf8').split('\n').slice(0, 40).join('\n');
    const gz = gzipSync(`${lines}\n`);
    const file = join(tmp, 'results-cut.json.gz');
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const result = await run(['load', 'analyze', file]);
    expect(result.code, result.stderr).toBe(2);
    expect(headline(result.stderr).line).toMatch(new RegExp(`^error: ${file}:\\d+: `));
  });

  it.concurrent('a k6 that dies with a script exception after the run folder exists leaves a whole report, not half of one (exit 2)', async () => {
    const k6 = join(tmp, 'k6-dies');
    const real = join(import.meta.dirname, '..', '..', '.tools', 'bin', 'k6');
    writeFileSync(k6, `#!/bin/sh\nif [ "$1" = inspect ]; then exec '${real}' "$@"; fi\necho 'level=error msg="TypeError: x is undefined"' >&2\nexit 107\n`);
    chmodSync(k6, 0o755);
    const reports = join(tmp, 'k6-dies-reports');
    const result = await slot(() => runCli(['load', 'run', 'smoke-load', '--env', 'local', '--k6', k6], {
      timeoutMs: DEADLINE_MS,
      env: { TRACSEQ_REPORTS_DIR: reports, API_GATEWAY_URL: 'http://127.0.0.1:1' },
    }));
    expect(result.code, result.stderr).toBe(2);
    expect(headline(result.stderr).line).toMatch(/^error: .*smoke-load\.ts: the k6 script threw an exception: TypeError: x is undefined$/);
    expect(reportProblems(reports)).toEqual([]);
  });
});
