import type { Command } from 'commander';

/** `slo evaluate | import | rules`: the SLO suite. Heavy modules load lazily in the actions. */
export function register(program: Command): void {
  const slo = program.command('slo').description('evaluate SLOs against Prometheus, import OpenSLO, generate alert rules');
  const catalog = () => program.opts<{ catalog?: string }>().catalog;
  const collect = (value: string, previous: string[] = []) => [...previous, value];

  slo
    .command('evaluate')
    .description('evaluate every SLO over the window; exit 0 pass/warn, 1 failed, 3 no data or Prometheus unreachable')
    .option('--prometheus <url>', 'Prometheus API base URL (or $PROMETHEUS_URL)')
    .option('--window <duration>', 'evaluation window', '1h')
    .option('--at <time>', 'evaluate as of this time (RFC 3339 or unix seconds; default now)')
    .option('--env <env>', 'catalog environment', 'local')
    .option('--services <ids>', 'only these services (comma-separated)')
    .option('--compare-with <n>', 'relative criteria against the last N stored evaluations')
    .option('--slo-file <file>', 'SLOs from a tracseq.slo/v1 or OpenSLO v1 file instead of the catalog')
    .option('--history-dir <dir>', 'where evaluations are stored (default .tracseq/slo-history or $TRACSEQ_SLO_HISTORY_DIR)')
    .option('--no-store', 'do not store this evaluation')
    .option('--timeout <duration>', 'deadline per query', '10s')
    .option('--concurrency <n>', 'queries in flight at once', '8')
    .option('--service-label <label>', 'label naming the service on every series', 'service')
    .option('--bearer-token-file <file>', 'bearer token file (or $PROMETHEUS_BEARER_TOKEN / $PROMETHEUS_BEARER_TOKEN_FILE)')
    .option('--basic-auth-user <user>', 'basic auth user; password from $PROMETHEUS_PASSWORD or --basic-auth-password-file')
    .option('--basic-auth-password-file <file>', 'basic auth password file (or $PROMETHEUS_PASSWORD_FILE)')
    .option('--header <name:value>', 'extra request header, e.g. "X-Scope-OrgID: tenant-1" (repeatable; not for credentials)', collect)
    .option('--ca-file <file>', 'CA bundle for https (or $PROMETHEUS_CA_FILE)')
    .option('--insecure-skip-verify', 'do not verify the TLS certificate (explicit opt-in)')
    .action(async (flags) => {
      const { evaluateCommand } = await import('../../slo/cli/evaluate-command.ts');
      await evaluateCommand(flags, catalog());
    });

  slo
    .command('import <file>')
    .description('read OpenSLO v1 YAML (SLO/SLI, ratioMetric or thresholdMetric, Occurrences) into the SLO model; exit 2 naming the field')
    .option('--out <file>', 'write the native tracseq.slo/v1 YAML here (default: stdout)')
    .action(async (file: string, flags: { out?: string }) => {
      const { importCommand } = await import('../../slo/cli/import-command.ts');
      importCommand(file, flags.out);
    });

  slo
    .command('rules')
    .description('write Prometheus recording rules and multi-window multi-burn-rate alerts (Sloth semantics)')
    .option('--out <file>', 'rules file to write (default: stdout)')
    .option('--slo-file <file>', 'SLOs from a file instead of the catalog')
    .option('--env <env>', 'catalog environment', 'local')
    .option('--services <ids>', 'only these services (comma-separated)')
    .option('--service-label <label>', 'label naming the service on every series', 'service')
    .action(async (flags) => {
      const { rulesCommand } = await import('../../slo/cli/rules-command.ts');
      rulesCommand(flags, catalog());
    });
}
