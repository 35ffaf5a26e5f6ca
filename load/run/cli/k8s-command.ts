import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogPath, loadCatalog } from '../../../core/catalog/load.ts';
import { resolveCatalog } from '../../../core/catalog/resolve.ts';
import { ConfigError, HarnessError } from '../../../core/errors.ts';
import { PROJECT_ROOT } from '../../../core/suite.ts';
import { checkTarget } from '../allowlist.ts';
import { envArgs, prometheusRwEnv, SUMMARY_TREND_STATS } from '../k6/args.ts';
import { k6ErrorReason } from '../k6/error-reason.ts';
import { mapK6Exit } from '../k6/exit-codes.ts';
import { locateK6 } from '../k6/locate.ts';
import { captureK6 } from '../k6/spawn.ts';
import { k6Env, gatewayUrl } from '../k6-env.ts';
import { buildManifests, k8sName, manifestYaml } from '../k8s/manifest.ts';
import { ConfigMapSchema, TestRunSchema } from '../k8s/testrun-schema.ts';
import { parseSettings } from '../resolve-settings.ts';
import { scenarioRules } from '../scenario-rules.ts';
import type { LoadOptions } from '../settings.ts';
import { generateThresholds } from '../thresholds/generate.ts';
import { numberFlag } from './flags.ts';

/** `load k8s <scenario> --instances N`: writes the ConfigMap + k6-operator TestRun for a cluster run. */
export interface K8sFlags {
  env: string;
  instances: string;
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

export async function k8sCommand(scenario: string, flags: K8sFlags, catalog: string | undefined): Promise<void> {
  const resolved = resolveCatalog(loadCatalog(catalogPath(catalog)), flags.env);
  const s = parseSettings({
    scenario: scenario as LoadOptions['scenario'],
    instances: numberFlag(flags.instances, '--instances'),
    rate: numberFlag(flags.rate, '--rate'),
    vus: numberFlag(flags.vus, '--vus'),
    duration: flags.duration,
    ramp: flags.ramp,
    prometheusRw: flags.prometheusRw,
    allowProduction: flags.allowProduction,
    k6: flags.k6,
  });
  const target = gatewayUrl(resolved, s.entryService);
  const allowed = checkTarget(target, resolved, s.allowProduction);
  const binary = locateK6(PROJECT_ROOT, process.env, s.k6);
  const rules = scenarioRules(s.scenario);
  const specs = generateThresholds(resolved, { entryService: s.entryService, set: rules.thresholds, droppedIterationsMax: s.droppedIterationsMax });
  const archive = await k6Archive(binary, rules.script, k6Env(resolved, s, specs));
  const name = k8sName(flags.name ?? `tracseq-${s.scenario}-${resolved.env}`);
  const manifests = buildManifests({
    name,
    namespace: flags.namespace,
    instances: s.instances,
    archive,
    image: flags.image,
    arguments: ['--no-usage-report', '--summary-trend-stats', `"${SUMMARY_TREND_STATS}"`, '--tag', `testid=${name}`, ...(s.prometheusRw ? ['--out', 'experimental-prometheus-rw'] : [])],
    runnerEnv: s.prometheusRw ? prometheusRwEnv(s.prometheusRw) : {},
  });
  for (const [schema, value] of [[TestRunSchema, manifests.testRun], [ConfigMapSchema, manifests.configMap]] as const) {
    const check = schema.safeParse(value);
    if (!check.success) throw new HarnessError(`generated manifest does not match the CRD: ${check.error.issues[0]?.message}`, 70);
  }
  const yaml = manifestYaml(manifests, [
    `tracseq-validate load k8s ${s.scenario}: ${s.instances} k6 runner(s) against ${target} (${allowed.allowedAs})`,
    'thresholds come from the catalog SLOs; each runner judges its own execution segment,',
    'so merge results from Prometheus (--prometheus-rw) for whole-test percentiles.',
    `kubectl apply -f <this file>; kubectl get testrun ${name} -w`,
  ]);
  if (flags.out) {
    await writeFile(flags.out, yaml);
    process.stdout.write(`wrote ConfigMap + TestRun "${name}" (${s.instances} runners, archive ${archive.length} bytes) to ${flags.out}\n`);
  } else {
    process.stdout.write(yaml);
  }
}
