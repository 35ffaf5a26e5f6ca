import type { Command } from 'commander';

// Placeholder registration: the contracts issue replaces this with the real command.
export function register(_program: Command): void {}
