import { fileURLToPath } from 'node:url';
import { UsageError } from '../core/errors.ts';
import { parseYaml, readTextSync } from '../core/read-file.ts';
import { BESIDE_ENDPOINTS } from '../load/run/settings.ts';
import { ProfileName, ProfilesFileSchema, type LoadStep, type Profile, type ProfilesFile } from './profile-schema.ts';

export const PROFILES_PATH = fileURLToPath(new URL('./profiles.yaml', import.meta.url));

/** Parses profiles text (YAML, then zod); every problem is named `file: path.to.field: message`. */
export function parseProfiles(text: string, file: string): ProfilesFile {
  return parseYaml(text, ProfilesFileSchema, file, 'gate profiles');
}

export function loadProfiles(file: string = PROFILES_PATH): ProfilesFile {
  return parseProfiles(readTextSync(file, 'gate profiles'), file);
}

/** The named profile; an unknown name is a usage error listing the valid ones. */
export function selectProfile(file: ProfilesFile, name: string): Profile {
  const known = Object.keys(file.profiles);
  const parsedName = ProfileName.safeParse(name);
  const profile = parsedName.success ? file.profiles[parsedName.data] : undefined;
  if (!profile) throw new UsageError(`--profile: unknown profile "${name}" (known: ${known.join(', ')})`);
  return profile;
}

/** The profile with every load step's scenario replaced (`--load-scenario`, e.g. smoke-load for a quick sanity load). */
export function withLoadScenario(profile: Profile, scenario: LoadStep['scenario'] | undefined): Profile {
  // The endpoints scenario stays beside the journeys only where it can run beside them (load, soak).
  const endpoints = (step: LoadStep) => step.endpoints && BESIDE_ENDPOINTS.includes(scenario!);
  return scenario ? { ...profile, load: profile.load.map((step) => ({ ...step, scenario, endpoints: endpoints(step) })) } : profile;
}

/** The profile with its baseline policy replaced (`--baseline-policy`). */
export function withBaselinePolicy(profile: Profile, policy: Profile['baselinePolicy'] | undefined): Profile {
  return policy ? { ...profile, baselinePolicy: policy } : profile;
}

/** The profile with every load step's duration replaced (`--load-duration`). */
export function withLoadDuration(profile: Profile, duration: string | undefined): Profile {
  return duration ? { ...profile, load: profile.load.map((step) => ({ ...step, duration })) } : profile;
}
