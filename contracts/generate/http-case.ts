import assert from 'node:assert/strict';
import type { HttpInteractionPlan } from '../../core/catalog/example-pins.ts';
import { createHttpClient } from '../../core/http/request.ts';
import type { ConsumerCase } from '../consumer/consumer-contract.ts';
import { exampleOf, pactMatcher } from './pact-matchers.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `get-sample: GET /api/v1/samples/s-1 answers as the catalog example shows (generated)` */
export function httpDescription(plan: HttpInteractionPlan): string {
  return `${plan.edge}: ${plan.method} ${plan.path} answers as the catalog example shows (generated)`;
}

/**
 * The case of one HTTP dependency's example: the request exactly as the example gives it (params in the
 * path, query, headers, JSON body), the provider state with the example's `seed` as its params, and the
 * response status and body pinned as the schema says. The consumer is a plain HTTP call that checks the
 * mock server answers the example's status and the pinned part of its body.
 */
export function httpCase(plan: HttpInteractionPlan): ConsumerCase {
  const { example } = plan;
  const request = example.request ?? {};
  const query = request.query ?? {};
  const body = plan.body ? pactMatcher(plan.body) : undefined;
  const search = new URLSearchParams(query).toString();
  const pinned = !plan.body ? 'no body pinned' : plan.body.by === 'object' ? `${Object.keys(plan.body.fields).join(', ') || 'an object'} pinned` : 'its body pinned';
  return {
    name: `${plan.method} ${plan.path} answers ${example.response.status}, ${pinned} (generated from the catalog example)`,
    description: httpDescription(plan),
    where: `catalog ${plan.where}`,
    run: (pact, description) => {
      const base = pact.addInteraction();
      const stated = example.state === undefined ? base : base.given(example.state, (example.seed ?? {}) as never);
      return stated
        .uponReceiving(description)
        .withRequest(plan.method, plan.path, (req) => {
          if (search !== '') req.query(query);
          if (request.headers) req.headers(request.headers);
          if (request.body !== undefined) req.jsonBody(request.body);
        })
        .willRespondWith(example.response.status, (res) => {
          if (body !== undefined) res.jsonBody(body);
        })
        .executeTest(async (server) => {
          const url = `${server.url}${plan.path}${search === '' ? '' : `?${search}`}`;
          const result = await createHttpClient().send({ method: plan.method as Method, url, headers: { ...request.headers }, body: request.body, timeoutMs: 10_000 });
          if (!result.ok) throw new Error(`${plan.method} ${url}: ${result.failure.message}`);
          assert.equal(result.response.status, example.response.status, `status: ${result.response.text.slice(0, 300)}`);
          if (body !== undefined) assert.deepEqual(JSON.parse(result.response.text), exampleOf(body));
        });
    },
  };
}
