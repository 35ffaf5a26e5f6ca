import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ConfigError, UsageError } from '../../core/errors.ts';
import { formatIssues } from '../../core/zod-issues.ts';
import { LoadConfigFileSchema, LoadSettingsSchema, type LoadOptions, type LoadSettings } from './settings.ts';

/**
 * Settings in three steps: the config file (YAML or JSON, every key optional), then the caller's
 * options on top (flags win), then the schema with its defaults. Every problem names its field.
 */
export async function readConfigFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read load config (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (err) {
    throw new ConfigError(`${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  const parsed = LoadConfigFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${file}: invalid load config`, formatIssues(parsed.error, file));
  return parsed.data;
}

export function parseSettings(options: Partial<LoadOptions> | Record<string, unknown>, fromFile: Record<string, unknown> = {}): LoadSettings {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const merged = { ...fromFile, ...defined };
  const parsed = LoadSettingsSchema.safeParse(merged);
  if (!parsed.success) {
    const details = formatIssues(parsed.error);
    throw new UsageError(`invalid load settings: ${details[0] ?? ''}`, details.slice(1));
  }
  return parsed.data;
}
