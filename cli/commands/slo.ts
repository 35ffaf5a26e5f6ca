import type { Command } from 'commander';

// Placeholder registration: the slo issue replaces this with the real command.
export function register(_program: Command): void {}
