import { z } from 'zod';
import { noEvents } from '../../runtime/admin.ts';
import { parseBody } from '../../runtime/body.ts';
import { HttpError, type Req, type ServiceContext, type ServiceInstance, type ServiceModule } from '../../runtime/types.ts';
import { signJwt, verifyJwt, type Claims } from './jwt.ts';
import { makeUser, passwordMatches, seedUsers, type UserRecord } from './users.ts';

/** Seed 004: JWT_EXPIRATION_HOURS=8. */
export const TOKEN_TTL_SECONDS = 8 * 3600;

const LoginSchema = z.strictObject({ email: z.string().min(1), password: z.string().min(1) });
const ValidateSchema = z.object({ token: z.string().min(1) });
const SeedSchema = z.strictObject({
  users: z.array(z.strictObject({ id: z.string().min(1).optional(), email: z.string().includes('@'), password: z.string().min(1), role: z.string().min(1).default('lab_technician') })).default([]),
});

export function bearerToken(req: Req): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

function publicUser(user: { id: string; email: string; role: string }): { id: string; email: string; role: string } {
  return { id: user.id, email: user.email, role: user.role };
}

function create(ctx: ServiceContext): ServiceInstance {
  const users = new Map<string, UserRecord>();
  const reset = () => {
    users.clear();
    for (const user of seedUsers()) users.set(user.email, user);
  };
  reset();
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const verify = (token: string | undefined): Claims => {
    if (!token) throw new HttpError(401, 'missing bearer token');
    const result = verifyJwt(token, ctx.settings.jwtSecret, nowSeconds());
    if (!result.ok) throw new HttpError(401, `invalid token: ${result.reason}`);
    return result.claims;
  };
  return {
    routes: [
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        handler: (req) => {
          const { email, password } = parseBody(LoginSchema, req.body);
          const user = users.get(email);
          if (!user || !passwordMatches(user, password)) throw new HttpError(401, 'invalid email or password');
          const iat = nowSeconds();
          const token = signJwt({ sub: user.id, email: user.email, role: user.role, iat, exp: iat + TOKEN_TTL_SECONDS }, ctx.settings.jwtSecret);
          const tokenField = ctx.faults.current.drift ? 'accessToken' : 'access_token';
          return { status: 200, body: { [tokenField]: token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS, user: publicUser(user) } };
        },
      },
      {
        method: 'GET',
        path: '/api/v1/users/me',
        handler: (req) => {
          const claims = verify(bearerToken(req));
          const user = users.get(claims.email);
          if (!user) throw new HttpError(401, 'the token names a user that no longer exists');
          return { status: 200, body: { ...publicUser(user), name: user.name } };
        },
      },
      {
        method: 'POST',
        path: '/api/v1/auth/validate',
        handler: (req) => {
          const { token } = parseBody(ValidateSchema, req.body);
          const result = verifyJwt(token, ctx.settings.jwtSecret, nowSeconds());
          if (!result.ok) return { status: 401, body: { valid: false, error: result.reason } };
          const user = { id: result.claims.sub, email: result.claims.email, role: result.claims.role };
          return { status: 200, body: { valid: ctx.faults.current.drift ? 'true' : true, user, expires_at: result.claims.exp } };
        },
      },
    ],
    reset,
    seed: (body) => {
      const seed = parseBody(SeedSchema, body);
      for (const [i, u] of seed.users.entries()) users.set(u.email, makeUser(u.id ?? `u-seed-${users.size + i}`, u.email, u.password, u.role, u.email));
      return { users: users.size };
    },
    produce: noEvents(ctx.id),
  };
}

export const authService: ServiceModule = { database: true, create };
