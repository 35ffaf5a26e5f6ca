import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogPath, loadCatalog } from '../../../core/catalog/load.ts';
import { resolveCatalog } from '../../../core/catalog/resolve.ts';
import { ConfigError } from '../../../core/errors.ts';
import { PROJECT_ROOT } from '../../../core/suite.ts';
import { checkTarget } from '../allowlist.ts';
import { envArgs, prometheusRwEnv, SUMMARY_TREND_STATS } from '../k6/args.ts';
import { k6ErrorReason } from '../k6/error-reason.ts';
import { mapK6Exit } from '../k6/exit-codes.ts';
import { locateK6 } from '../k6/locate.ts';
import { captureK6 } from '../k6/spawn.ts';
import { loginCredentials } from '../endpoints/login.ts';
import { k6Env, loadTargets } from '../k6-env.ts';
import { buildManifests, k8sName, manifestYaml } from '../k8s/manifest.ts';
import { loadShape } from '../load-shape.ts';
import { parseSettings } from '../resolve-settings.ts';
import type { LoadOptions } from '../settings.ts';
import { generateThresholds } from '../thresholds/generate.ts';
import { numberFlag } from './flags.ts';

/** `load k8s <scenario> --instances N`: writes the Secret, the ConfigMap and the k6-operator TestRun for a cluster run. */
export interface K8sFlags {
  env: string;
  instances: string;
  endpoints?: boolean;
  endpointsRate?: string;
  /** An existing Secret holding the credentials (LOGIN_EMAIL, LOGIN_PASSWORD, ...); none is written then. */
  secret?: string;
  out?: string;
  image: string;
  namespace?: string;
  name?: string;
  prometheusRw?: string;
  rate?: string;
  duration?: string;
  ramp?: string;
  vus?: string;
  allowProduction?: boolean;
  k6?: string;
}

async function k6Archive(binary: string, script: string, env: Record<string, string>): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'tracseq-k6-archive-'));
  try {
    const file = join(dir, 'archive.tar');
    const out = await captureK6(binary, ['archive', script, '-O', file, '--include-system-env-vars=false', ...envArgs(env)], { PATH: process.env['PATH'] ?? '' });
    if (out.code !== 0) throw new ConfigError(`k6 archive ${script}: ${mapK6Exit(out.code).meaning}: ${k6ErrorReason(out.stderr) ?? out.stderr.trim()}`);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Remote-write settings: a URL with a password or a query string (a token) goes to the Secret, the rest stays plain. */
function outputEnv(url: string | undefined): { plain: Record<string, string>; secret: Record<string, string> } {
  if (!url) return { plain: {}, secret: {} };
  const { K6_PROMETHEUS_RW_SERVER_URL: server, ...plain } = prometheusRwEnv(url);
  const parsed = new URL(url);
  const sensitive = parsed.username !== '' || parsed.password !== '' || parsed.search !== '';
  return sensitive ? { plain, secret: { K6_PROMETHEUS_RW_SERVER_URL: server! } } : { plain: { K6_PROMETHEUS_RW_SERVER_URL: server!, ...plain }, secret: {} };
}

export async function k8sCommand(scenario: string, flags: K8sFlags, catalog: string | undefined): Promise<void> {
  const resolved = resolveCatalog(loadCatalog(catalogPath(catalog)), flags.env);
  const s = parseSettings({
    scenario: scenario as LoadOptions['scenario'],
    instances: numberFlag(flags.instances, '--instances'),
    rate: numberFlag(flags.rate, '--rate'),
    endpoints: flags.endpoints,
    endpointsRate: numberFlag(flags.endpointsRate, '--endpoints-rate'),
    vus: numberFlag(flags.vus, '--vus'),
    duration: flags.duration,
    ramp: flags.ramp,
    prometheusRw: flags.prometheusRw,
    allowProduction: flags.allowProduction,
    k6: flags.k6,
  });
  const shape = loadShape(resolved, s);
  const targets = loadTargets(resolved, shape);
  const allowed = [...new Set(targets.map((t) => checkTarget(t, resolved, s.allowProduction).allowedAs))].join(', ');
  const binary = locateK6(PROJECT_ROOT, process.env, s.k6);
  const specs = generateThresholds(resolved, { entryService: shape.entry, loaded: shape.loaded, set: shape.rules.thresholds, droppedIterationsMax: s.droppedIterationsMax });
  // The archive gets the settings and the plan (inline), never a credential: those come from the Secret.
  const archive = await k6Archive(binary, shape.rules.script, k6Env(resolved, s, shape, specs));
  const name = k8sName(flags.name ?? `tracseq-${shape.scenario}-${resolved.env}`);
  const logsIn = shape.journeys || shape.plan?.auth != null;
  const output = outputEnv(s.prometheusRw);
  const secretValues = { ...(logsIn ? loginCredentials(resolved) : {}), ...output.secret };
  const secretKeys = Object.keys(secretValues);
  const secretName = flags.secret ?? k8sName(`${name}-secrets`);
  const manifests = buildManifests({
    name,
    namespace: flags.namespace,
    instances: s.instances,
    archive,
    image: flags.image,
    arguments: ['--no-usage-report', '--summary-trend-stats', `"${SUMMARY_TREND_STATS}"`, '--tag', `testid=${name}`, ...(s.prometheusRw ? ['--out', 'experimental-prometheus-rw'] : [])],
    runnerEnv: output.plain,
    secret: secretKeys.length > 0 ? { name: secretName, keys: secretKeys, values: flags.secret ? undefined : secretValues } : undefined,
  });
  const yaml = manifestYaml(manifests, [
    `tracseq-validate load k8s ${shape.scenario}: ${s.instances} k6 runner(s) against ${targets.length === 1 ? targets[0] : `${targets.length} URLs`} (${allowed})`,
    'thresholds come from the catalog SLOs; each runner judges its own execution segment,',
    'so merge results from Prometheus (--prometheus-rw) for whole-test percentiles.',
    ...(secretKeys.length > 0 ? [flags.secret
      ? `the runners read ${secretKeys.join(', ')} from the existing Secret "${secretName}"`
      : `the Secret "${secretName}" holds ${secretKeys.join(', ')}: keep this file out of version control, or pass --secret to use one you manage`] : []),
    `kubectl apply -f <this file>; kubectl get testrun ${name} -w`,
  ]);
  if (flags.out) {
    await writeFile(flags.out, yaml);
    process.stdout.write(`wrote ${manifests.secret ? 'Secret + ' : ''}ConfigMap + TestRun "${name}" (${s.instances} runners, archive ${archive.length} bytes) to ${flags.out}\n`);
  } else {
    process.stdout.write(yaml);
  }
}
