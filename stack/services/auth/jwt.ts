import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Minimal HS256 JWT (RFC 7519) with node:crypto: the claims the TracSeq auth service issues. */
export const ClaimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().min(1),
  role: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type Claims = z.infer<typeof ClaimsSchema>;

const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function sign(input: string, secret: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

export function signJwt(claims: Claims, secret: string): string {
  const body = `${HEADER}.${b64url(JSON.stringify(claims))}`;
  return `${body}.${sign(body, secret)}`;
}

export type VerifyResult = { readonly ok: true; readonly claims: Claims } | { readonly ok: false; readonly reason: string };

/** Verifies signature, header and expiry; `nowSeconds` is injected for tests. */
export function verifyJwt(token: string, secret: string, nowSeconds: number): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed token' };
  const [header = '', payload = '', signature = ''] = parts;
  if (header !== HEADER) return { ok: false, reason: 'unsupported token header (HS256 JWT expected)' };
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad signature' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed token payload' };
  }
  const claims = ClaimsSchema.safeParse(json);
  if (!claims.success) return { ok: false, reason: 'token payload lacks sub/email/role/iat/exp' };
  if (claims.data.exp <= nowSeconds) return { ok: false, reason: 'token expired' };
  return { ok: true, claims: claims.data };
}
