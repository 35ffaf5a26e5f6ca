import { describe, expect, it } from 'vitest';
import { runCli } from '../test/helpers/cli.ts';
import { limit } from '../test/helpers/limit.ts';

/**
 * Exit codes fail closed (issue 16): an empty or incomplete command line checked nothing, so it is a
 * usage error (2) with the usage on stderr, never a pass. A usage error is one line and a hint where
 * help is, not the whole help. Help and the version are exit 0. Real CLI processes, two at a time.
 */
const slot = limit(2);
const cli = (args: string[]) => slot(() => runCli(args, { timeoutMs: 30_000 }));
const lines = (text: string) => text.split('\n').filter(Boolean);

describe('the CLI with no command or an incomplete one', () => {
  it.concurrent('no command at all: exit 2, the usage on stderr, nothing on stdout', async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Usage: tracseq-validate \[options\] \[command\]/);
    expect(run.stderr).toMatch(/^ {2}gate \[options\]/m);
    expect(run.stdout).toBe('');
  });

  it.concurrent('only the global --catalog flag: exit 2 with the usage', async () => {
    const run = await cli(['--catalog', 'catalog/tracseq.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Usage: tracseq-validate /);
  });

  it.concurrent.each(['load', 'contracts', 'slo', 'stack'])('the %s group without its subcommand: exit 2 with its usage on stderr', async (group) => {
    const run = await cli([group]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^Usage: tracseq-validate ${group} \\[options\\] \\[command\\]`));
    expect(run.stdout).toBe('');
  });

  it.concurrent('catalog alone prints the catalog (exit 0)', async () => {
    const run = await cli(['catalog']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^tracseq catalog, env local\n/);
  });
});

describe('usage errors are one line and a hint', () => {
  it.concurrent.each([
    [['bogus'], "error: unknown command 'bogus'", 'see tracseq-validate --help'],
    [['load', 'bogus'], "error: unknown command 'bogus'", 'see tracseq-validate load --help'],
    [['smoke', '--bogus'], "error: unknown option '--bogus'", 'see tracseq-validate smoke --help'],
    [['load', 'run'], "error: missing required argument 'scenario'", 'see tracseq-validate load run --help'],
    [['gate'], "error: required option '--env <env>' not specified", 'see tracseq-validate gate --help'],
    [['smoke', '--retries', 'x'], 'error: --retries: "x" is not a whole number', 'see tracseq-validate smoke --help'],
    [['gate', '--env', 'local', '--profile', 'nope'], 'error: --profile: unknown profile "nope" (known: pr, deploy, nightly, release)', 'see tracseq-validate gate --help'],
    [['slo', 'evaluate', '--prometheus', 'http://127.0.0.1:1', '--concurrency', '0'], 'error: --concurrency: "0" is not a whole number >= 1', 'see tracseq-validate slo evaluate --help'],
  ])('%j: exit 2, "%s", and the hint', async (args, error, hint) => {
    const run = await cli(args);
    expect(run.code, run.stderr).toBe(2);
    expect(lines(run.stderr)).toEqual([error, `  ${hint}`]);
    expect(run.stdout).toBe('');
  });
});

describe('help and version', () => {
  it.concurrent.each([[['--help']], [['help']], [['load', '--help']], [['gate', '--help']], [['load', 'run', '--help']]])('%j: exit 0, help on stdout', async (args) => {
    const run = await cli(args);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Usage: tracseq-validate/);
    expect(run.stderr).toBe('');
  });

  it.concurrent('-V prints the version (exit 0)', async () => {
    const run = await cli(['-V']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.concurrent('help text states flag defaults read from the schemas, not written in commander', async () => {
    const run = await cli(['load', 'k8s', '--help']);
    expect(run.stdout).toMatch(/--instances <n> +k6 runners \(TestRun parallelism\) \(default: 2\)/);
    expect(run.stdout).toMatch(/--env <env> +catalog environment \(default: staging\)/);
  });
});
