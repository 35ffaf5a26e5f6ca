import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './main.ts';

const all = (command: Command): Command[] => [command, ...command.commands.flatMap(all)];

describe('flag defaults', () => {
  it('live in the zod schemas: no commander option of any command carries a default', async () => {
    const io = { out: () => {}, err: () => {}, tty: false, env: {}, exitNow: () => {} };
    const program = await buildProgram(['node', 'tracseq-validate'], { io, catalog: () => undefined, finished: () => {} });
    const commands = all(program);
    expect(commands.length).toBeGreaterThan(15);
    const withDefaults = commands.flatMap((c) => c.options.filter((o) => o.defaultValue !== undefined).map((o) => `${c.name()} ${o.flags}: ${String(o.defaultValue)}`));
    expect(withDefaults).toEqual([]);
  });
});
