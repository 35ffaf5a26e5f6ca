import { z } from 'zod';
import { expectBody, sendJson, type ClientOptions } from './http.ts';

const ValidUser = z.object({ id: z.string(), email: z.string(), role: z.string() });
const Validated = z.object({ valid: z.literal(true), user: ValidUser });
const Login = z.object({ access_token: z.string(), user: ValidUser });

export type ValidatedUser = z.infer<typeof ValidUser>;

/** The gateway's client of auth-service (and the harness's login). */
export class AuthClient {
  readonly #options: ClientOptions;
  constructor(options: ClientOptions) {
    this.#options = options;
  }

  /** The token's user, or undefined when auth answers 401 (invalid or expired). */
  async validateToken(token: string): Promise<ValidatedUser | undefined> {
    const answer = await sendJson(this.#options, 'POST', '/api/v1/auth/validate', { token });
    if (answer.status === 401) return undefined;
    return expectBody('auth-service', answer, [200], Validated).user;
  }

  async login(email: string, password: string): Promise<{ token: string; user: ValidatedUser }> {
    const body = expectBody('auth-service', await sendJson(this.#options, 'POST', '/api/v1/auth/login', { email, password }), [200], Login);
    return { token: body.access_token, user: body.user };
  }
}
