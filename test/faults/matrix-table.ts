/** One printed row of the fault matrix. */
export interface MatrixLine {
  readonly fault: string;
  readonly caughtBy: string;
  readonly exit: string;
  readonly cause: string;
}

const HEAD: MatrixLine = { fault: 'fault', caughtBy: 'suite that caught it', exit: 'exit code', cause: 'cause shown' };

/** The fault matrix as a Markdown table (pure); causes are cut to `width` characters. */
export function formatMatrix(lines: readonly MatrixLine[], width = 110): string {
  const cut = (t: string) => (t.length > width ? `${t.slice(0, width - 1)}…` : t).replaceAll('|', '\\|');
  const rows = [HEAD, ...lines].map((l) => [l.fault, l.caughtBy, l.exit, cut(l.cause)]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
