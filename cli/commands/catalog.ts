import type { Command } from 'commander';

export function register(program: Command): void {
  const catalog = program
    .command('catalog')
    .description('print the resolved service catalog')
    .option('--env <env>', 'environment whose URLs to resolve', 'local')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { env: string; json?: boolean }) => {
      const { printCatalog } = await import('../catalog-print.ts');
      printCatalog(program.opts<{ catalog?: string }>().catalog, opts.env, opts.json ?? false);
    });
  catalog
    .command('validate <file>')
    .description('check one catalog file; every problem is listed as path.to.field: message (exit 2)')
    .action(async (file: string) => {
      const { loadCatalog } = await import('../../core/catalog/load.ts');
      const parsed = loadCatalog(file);
      process.stdout.write(`${file}: valid (${parsed.services.length} services)\n`);
    });
}
