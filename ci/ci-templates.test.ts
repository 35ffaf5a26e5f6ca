import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseGateOptions } from '../gate/gate-options.ts';
import { loadProfiles, selectProfile } from '../gate/profiles.ts';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** Every `tracseq-validate.js gate ...` command line in a CI file, flags parsed (shell expansions dropped). */
function gateCommands(text: string): Record<string, string | boolean>[] {
  const joined = text.replace(/\n\s+(?=--|\$\{)/g, ' ');
  return [...joined.matchAll(/tracseq-validate\.js gate([^\n]*)/g)].map((m) => {
    const flags: Record<string, string | boolean> = {};
    const words = (m[1] ?? '').replace(/\$\{[A-Z_]+:\+[^}]*\}/g, '').match(/--[a-z-]+(?:\s+"[^"]*"|\s+[^\s-][^\s]*)?/g) ?? [];
    for (const word of words) {
      const [flag, ...rest] = word.split(/\s+/);
      flags[flag!.slice(2)] = rest.length > 0 ? rest.join(' ').replace(/^"|"$/g, '') : true;
    }
    return flags;
  });
}

const GithubWorkflow = z.object({
  on: z.object({ pull_request: z.unknown(), push: z.object({ branches: z.array(z.string()) }), schedule: z.array(z.object({ cron: z.string() })) }),
  jobs: z.record(z.string(), z.object({ if: z.string(), environment: z.string().optional(), steps: z.array(z.object({ run: z.string().optional() })) })),
});

const profiles = loadProfiles();

describe('the GitHub Actions workflow', () => {
  const text = read('.github/workflows/validate.yml');
  const workflow = GithubWorkflow.parse(parse(text));

  it('has a PR gate, a deploy gate behind an approval environment and a nightly schedule', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['pr-gate', 'deploy-gate', 'nightly']);
    expect(workflow.jobs['pr-gate']?.if).toContain("github.event_name == 'pull_request'");
    expect(workflow.jobs['deploy-gate']?.environment).toBe('staging-gate');
    expect(workflow.jobs['nightly']?.if).toContain("github.event_name == 'schedule'");
    expect(workflow.on.schedule[0]?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
  });

  it('runs the gate with real profiles and flags the CLI accepts', () => {
    const commands = gateCommands(text);
    expect(commands.map((c) => c['profile'])).toEqual(['pr', 'deploy', '$GATE_PROFILE']);
    expect(commands[0]).toEqual({ env: 'local', target: 'local', profile: 'pr' });
    for (const c of commands) {
      if (!String(c['profile']).startsWith('$')) selectProfile(profiles, String(c['profile']));
      parseGateOptions({ env: String(c['env']).startsWith('$') ? 'staging' : c['env'], profile: c['profile'], faults: [], ...(c['target'] ? { target: c['target'] } : {}) });
    }
  });
});

describe('the GitLab CI snippet', () => {
  const text = read('ci/gitlab-ci.yml');
  const ci = parse(text) as Record<string, { rules?: { if: string; when?: string }[]; environment?: unknown; extends?: string }>;

  it('mirrors the three gates: merge requests, a manual deploy gate, and schedules', () => {
    expect(ci['pr-gate']?.rules?.[0]?.if).toContain('merge_request_event');
    expect(ci['deploy-gate']?.rules?.[0]?.when).toBe('manual');
    expect(ci['deploy-gate']?.environment).toBeDefined();
    expect(ci['nightly']?.rules?.[0]?.if).toContain('"schedule"');
  });

  it('runs the same gate commands as the GitHub workflow', () => {
    expect(gateCommands(text).map((c) => c['profile'])).toEqual(['pr', 'deploy', '${GATE_PROFILE:-nightly}']);
  });
});
