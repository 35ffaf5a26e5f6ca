import type { ContractVerification } from './verify/contract-verification.ts';
import { FIXTURES, STATES } from './provider-states.ts';

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** The first JWT-shaped string in an answer, wherever it sits (so login drift cannot mask validate drift). */
function findJwt(value: unknown): string | undefined {
  if (typeof value === 'string') return JWT.test(value) ? value : undefined;
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      const found = findJwt(v);
      if (found) return found;
    }
  }
  return undefined;
}

/** auth-service verifies the gateway's pact; a valid token comes from a real login with the seeded admin. */
export const verification: ContractVerification = {
  consumer: 'api-gateway',
  provider: 'auth-service',
  states: {
    [STATES.validToken]: async (hook) => {
      const answer = await hook.api('POST', '/api/v1/auth/login', { email: FIXTURES.user.email, password: FIXTURES.user.password });
      const token = findJwt(answer);
      if (!token) throw new Error(`auth login answered without a token: ${JSON.stringify(answer).slice(0, 200)}`);
      return { token };
    },
  },
};
