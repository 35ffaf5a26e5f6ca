import type { Command } from 'commander';
import type { Cli } from '../cli-context.ts';
import { CatalogFlags } from '../flags/catalog-flags.ts';
import { parseFlags, withDefault } from '../flags/parse-flags.ts';

export function register(program: Command, cli: Cli): void {
  const catalog = program
    .command('catalog')
    .description('print the resolved service catalog')
    .option('--env <env>', withDefault('environment whose URLs to resolve', CatalogFlags, 'env'))
    .option('--json', 'print JSON instead of a table')
    .action(async (raw: unknown) => {
      const flags = parseFlags(CatalogFlags, raw);
      const { printCatalog } = await import('../catalog-print.ts');
      printCatalog(cli.catalog(), flags.env, flags.json, cli.io);
    });
  catalog
    .command('validate <file>')
    .description('check one catalog file; every problem is listed as path.to.field: message (exit 2)')
    .option('--explain', 'then say, field by field, what the catalog makes each suite do')
    .action(async (file: string, flags: { explain?: boolean }) => {
      const { loadCatalog } = await import('../../core/catalog/load.ts');
      const parsed = loadCatalog(file);
      cli.io.out(`${file}: valid (${parsed.services.length} services)\n`);
      if (flags.explain) {
        const { explainCatalog } = await import('../explain/explain-catalog.ts');
        cli.io.out(`${explainCatalog(parsed).join('\n')}\n`);
      }
    });
}
