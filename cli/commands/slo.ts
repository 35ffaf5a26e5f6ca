import type { Command } from 'commander';
import type { Cli } from '../cli-context.ts';
import { parseFlags, withDefault } from '../flags/parse-flags.ts';
import { SloEvaluateFlags, SloRulesFlags } from '../flags/slo-flags.ts';

/** `slo evaluate | import | rules`: the SLO suite. Heavy modules load lazily in the actions. */
export function register(program: Command, cli: Cli): void {
  const slo = program.command('slo').description('evaluate SLOs against Prometheus, import OpenSLO, generate alert rules');
  const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

  slo
    .command('evaluate')
    .description('evaluate every SLO over the window; exit 0 pass/warn, 1 failed, 3 no data or Prometheus unreachable')
    .option('--prometheus <url>', 'Prometheus API base URL (or $PROMETHEUS_URL)')
    .option('--window <duration>', 'evaluation window, e.g. 5m or 1d, or "period": each SLO over its own period (rolling, or a calendar period from its start)')
    .option('--at <time>', 'evaluate as of this time (RFC 3339 or unix seconds; now unless given)')
    .option('--env <env>', withDefault('catalog environment', SloEvaluateFlags, 'env'))
    .option('--services <ids>', 'only these services (comma-separated)')
    .option('--compare-with <n>', 'relative criteria against the last N stored evaluations')
    .option('--slo-file <file>', 'SLOs from a tracseq.slo/v1 or OpenSLO v1 file instead of the catalog')
    .option('--history-dir <dir>', 'where evaluations are stored (.tracseq/slo-history or $TRACSEQ_SLO_HISTORY_DIR unless given)')
    .option('--no-store', 'do not store this evaluation')
    .option('--timeout <duration>', 'deadline per query')
    .option('--concurrency <n>', 'queries in flight at once')
    .option('--service-label <label>', "label naming the service on every series (overrides the catalog's metrics.labels.service)")
    .option('--bearer-token-file <file>', 'bearer token file (or $PROMETHEUS_BEARER_TOKEN / $PROMETHEUS_BEARER_TOKEN_FILE)')
    .option('--basic-auth-user <user>', 'basic auth user; password from $PROMETHEUS_PASSWORD or --basic-auth-password-file')
    .option('--basic-auth-password-file <file>', 'basic auth password file (or $PROMETHEUS_PASSWORD_FILE)')
    .option('--header <name:value>', 'extra request header, e.g. "X-Scope-OrgID: tenant-1" (repeatable; not for credentials)', collect)
    .option('--ca-file <file>', 'CA bundle for https (or $PROMETHEUS_CA_FILE)')
    .option('--insecure-skip-verify', 'do not verify the TLS certificate (explicit opt-in)')
    .action(async (raw: unknown) => {
      const flags = parseFlags(SloEvaluateFlags, raw);
      const { evaluateCommand } = await import('../../slo/cli/evaluate-command.ts');
      cli.finished((await evaluateCommand(flags, cli.catalog(), cli.io)).exitCode);
    });

  slo
    .command('import <file>')
    .description('read OpenSLO v1 YAML (objects, lists, documents; SLO, SLI, DataSource; Occurrences, Timeslices, RatioTimeslices; rolling or calendar windows) into a native SLO file; exit 2 naming the field')
    .option('--out <file>', 'write the native tracseq.slo/v1 YAML here (stdout unless given); --slo-file reads it')
    .action(async (file: string, flags: { out?: string }) => {
      const { importCommand } = await import('../../slo/cli/import-command.ts');
      importCommand(file, flags.out, cli.catalog());
    });

  slo
    .command('rules')
    .description('write Prometheus recording rules and multi-window multi-burn-rate alerts (Sloth semantics)')
    .option('--out <file>', 'rules file to write (stdout unless given)')
    .option('--slo-file <file>', 'SLOs from a file instead of the catalog')
    .option('--env <env>', withDefault('catalog environment', SloRulesFlags, 'env'))
    .option('--services <ids>', 'only these services (comma-separated)')
    .option('--service-label <label>', "label naming the service on every series (overrides the catalog's metrics.labels.service)")
    .action(async (raw: unknown) => {
      const flags = parseFlags(SloRulesFlags, raw);
      const { rulesCommand } = await import('../../slo/cli/rules-command.ts');
      rulesCommand(flags, cli.catalog());
    });
}
