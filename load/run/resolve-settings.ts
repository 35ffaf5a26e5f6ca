import { UsageError } from '../../core/errors.ts';
import { readYaml } from '../../core/read-file.ts';
import { formatIssues } from '../../core/zod-issues.ts';
import { LoadConfigFileSchema, LoadSettingsSchema, type LoadConfigFile, type LoadOptions, type LoadSettings } from './settings.ts';

/**
 * Settings in three steps: the config file (YAML or JSON, every key optional; a `scenarios.<name>`
 * section wins for that scenario), then the caller's
 * options on top (flags win), then the schema with its defaults. Every problem names its field.
 */
export async function readConfigFile(file: string, scenario?: string): Promise<Record<string, unknown>> {
  return forScenario((await readYaml(file, LoadConfigFileSchema.optional(), 'load config')) ?? {}, scenario);
}

/** A config file's settings for one scenario: the shared ones, then its own section on top. */
export function forScenario(config: LoadConfigFile, scenario: string | undefined): Record<string, unknown> {
  const { scenarios, ...shared } = config;
  const own = scenario ? scenarios?.[scenario as keyof typeof scenarios] : undefined;
  return { ...shared, ...own };
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
