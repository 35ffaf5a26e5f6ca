/**
 * The name a run's target goes by wherever runs are grouped (baselines, the run history, the
 * Pushgateway): `local` for the embedded reference stack, `external` for anything else.
 */
export function targetName(target: string | undefined): string {
  return target ?? 'external';
}
