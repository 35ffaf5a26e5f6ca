import { AuthClient, type ValidatedUser } from '../../clients/auth-client.ts';
import { clientOptions } from '../../runtime/deps.ts';
import { describe } from '../../runtime/probes.ts';
import { HttpError, type ServiceContext } from '../../runtime/types.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import { TokenCache } from './token-cache.ts';

const AUTH = 'auth-service';

/** Paths the gateway lets through without a token. */
export const OPEN_PATHS: ReadonlySet<string> = new Set(['/api/v1/auth/login', '/api/v1/auth/validate']);

/**
 * Checks a request's bearer token with auth-service (POST /api/v1/auth/validate), caching valid tokens briefly
 * and sharing one in-flight validation per token. Auth being unreachable is a 503, a bad token a 401.
 */
export class GatewayAuth {
  readonly #ctx: ServiceContext;
  readonly #cache: TokenCache<ValidatedUser>;
  readonly #inFlight = new Map<string, Promise<ValidatedUser | undefined>>();
  readonly #breaker: () => CircuitBreaker;

  constructor(ctx: ServiceContext, breaker: () => CircuitBreaker) {
    this.#ctx = ctx;
    this.#cache = new TokenCache(ctx.settings.tokenCacheMs);
    this.#breaker = breaker;
  }

  async user(authorization: string | undefined): Promise<ValidatedUser> {
    if (!authorization?.startsWith('Bearer ')) throw new HttpError(401, 'missing bearer token', ['send Authorization: Bearer <token> from POST /api/v1/auth/login']);
    const token = authorization.slice(7);
    const cached = this.#cache.get(token);
    if (cached) return cached;
    let pending = this.#inFlight.get(token);
    if (!pending) {
      pending = this.#validate(token).finally(() => this.#inFlight.delete(token));
      this.#inFlight.set(token, pending);
    }
    const user = await pending;
    if (!user) throw new HttpError(401, 'invalid or expired token');
    return user;
  }

  async #validate(token: string): Promise<ValidatedUser | undefined> {
    const breaker = this.#breaker();
    if (!breaker.allow()) throw new HttpError(503, `${AUTH} circuit open; retry in ${breaker.retryAfterSeconds()} s`);
    let user: ValidatedUser | undefined;
    try {
      user = await new AuthClient(clientOptions(this.#ctx.deps, AUTH, 3_000)).validateToken(token);
    } catch (err) {
      breaker.failure();
      throw new HttpError(503, `${AUTH} validate-token failed: ${describe(err)}`);
    }
    breaker.success();
    if (user) this.#cache.set(token, user);
    return user;
  }

  clear(): void {
    this.#cache.clear();
  }
}
