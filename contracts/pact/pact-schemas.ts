import { z } from 'zod';

/**
 * The parts of a pact file the harness reads, per specification version (everything else passes through
 * untouched: the Pact verifier core reads the file itself). V4 interactions carry their type; V1 to V3
 * files hold HTTP `interactions` and (V3) `messages`, with provider states as `providerState` (V1, V2)
 * or `providerStates` (V3).
 */
const ProviderState = z.looseObject({ name: z.string().min(1), params: z.record(z.string(), z.unknown()).optional() });
const Request = z.looseObject({ method: z.string().min(1), path: z.string().startsWith('/') });
const Response = z.looseObject({ status: z.number().int() });
const party = z.looseObject({ name: z.string().min(1) });

const V4Http = z.looseObject({
  type: z.literal('Synchronous/HTTP'),
  description: z.string().min(1),
  providerStates: z.array(ProviderState).default([]),
  request: Request,
  response: Response,
});

const V4Message = z.looseObject({
  type: z.literal('Asynchronous/Messages'),
  description: z.string().min(1),
  providerStates: z.array(ProviderState).default([]),
  contents: z.looseObject({}),
});

export const V4PactSchema = z.looseObject({
  consumer: party,
  provider: party,
  interactions: z.array(z.discriminatedUnion('type', [V4Http, V4Message])).min(1, 'a pact needs at least one interaction'),
});

/** V1 to V3: one state as a string (`provider_state` in early V1 files), or V3's list of states with params. */
const states = {
  providerState: z.string().min(1).optional(),
  provider_state: z.string().min(1).optional(),
  providerStates: z.array(ProviderState).optional(),
};

const LegacyHttp = z.looseObject({ description: z.string().min(1), ...states, request: Request, response: Response });
const LegacyMessage = z.looseObject({ description: z.string().min(1), ...states, contents: z.unknown().optional() });

export const LegacyPactSchema = z
  .looseObject({
    consumer: party,
    provider: party,
    interactions: z.array(LegacyHttp).default([]),
    messages: z.array(LegacyMessage).default([]),
  })
  .refine((p) => p.interactions.length + p.messages.length > 0, { message: 'a pact needs at least one interaction or message', path: ['interactions'] });

export type LegacyPact = z.infer<typeof LegacyPactSchema>;
export type LegacyStates = { readonly providerState?: string | undefined; readonly provider_state?: string | undefined; readonly providerStates?: readonly z.infer<typeof ProviderState>[] | undefined };
