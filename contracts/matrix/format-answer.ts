import type { CanIDeployAnswer, CanIDeployQuery } from './can-i-deploy.ts';

const MARK = { verified: 'ok  ', failed: 'FAIL', missing: '??  ' } as const;
const VERDICT = { pass: 'yes', fail: 'no', inconclusive: 'unknown (no data)' } as const;

/** The can-i-deploy answer as plain text: one line per integration, then the verdict with its reason. */
export function formatAnswer(query: CanIDeployQuery, answer: CanIDeployAnswer): string {
  const target = query.environment ? ` to ${query.environment}` : '';
  const lines = answer.integrations.map((i) => `  ${MARK[i.status]} ${i.consumer} -> ${i.provider} (${i.role === 'consumer' ? 'as consumer' : 'as provider'}): ${i.reason}`);
  return [`can-i-deploy ${query.pacticipant}@${query.version}${target} (local matrix)`, ...lines, `${VERDICT[answer.outcome]}: ${answer.reason}`].join('\n');
}
