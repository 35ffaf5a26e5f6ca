import { z } from 'zod';
import { serviceId } from './schema-parts.ts';

/**
 * How `auth: true` endpoints get their credential: the key endpoint that logs in (its `body` holds
 * the credentials; TRACSEQ_SMOKE_EMAIL / TRACSEQ_SMOKE_PASSWORD override email / password), where
 * the token sits in its answer, and how it is sent.
 */
export const AuthSchema = z.strictObject({
  login: z.strictObject({ service: serviceId, endpoint: z.string().min(1) }),
  /** Dotted path of the token in the login response. */
  token: z.string().min(1).default('access_token'),
  header: z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name').default('authorization'),
  /** Written before the token (`Bearer <token>`); empty: the token alone. */
  scheme: z.string().default('Bearer'),
});

/**
 * The replicas of a service, checked one by one by smoke. `urls` per environment, or `discover: dns`
 * (every A/AAAA record of the service URL's host); `<ID>_REPLICA_URLS` overrides both.
 */
export const ReplicasSchema = z.strictObject({
  /** How many the reference stack runs. */
  count: z.number().int().min(1).max(64).default(1),
  urls: z.record(z.string(), z.array(z.string().min(1)).min(1, 'list at least one replica URL')).default({}),
  discover: z.enum(['dns']).optional(),
});

export type Auth = z.infer<typeof AuthSchema>;
export type Replicas = z.infer<typeof ReplicasSchema>;
