import { MatchersV3 } from '@pact-foundation/pact';
import type { Pin } from '../../core/json-schema/pins.ts';

const { like, integer, number, boolean, nullValue, regex, equal, eachLike, atLeastLike, reify } = MatchersV3;

/**
 * A pin as Pact V4 matchers: `like` (type), `integer`, `number`, `boolean`, `nullValue`, `regex`, `equal`,
 * `eachLike` (arrays with minItems, else `atLeastLike(item, 0)`: an empty array is allowed), and plain
 * objects of matchers (each value carries its own matcher, so nothing cascades to unpinned fields).
 */
export function pactMatcher(pin: Pin): unknown {
  switch (pin.by) {
    case 'type': return like(pin.value);
    case 'integer': return integer(pin.value);
    case 'number': return number(pin.value);
    case 'boolean': return boolean(pin.value);
    case 'null': return nullValue();
    case 'regex': return regex(pin.regex, pin.value);
    case 'equal': return equal(pin.value);
    case 'object': return Object.fromEntries(Object.entries(pin.fields).map(([k, v]) => [k, pactMatcher(v)]));
    case 'each': return pin.min >= 1 ? eachLike(pactMatcher(pin.item), pin.min) : atLeastLike(pactMatcher(pin.item), 0, 1);
  }
}

/** The value Pact's mock server produces for `matcher` (what a consumer receives). */
export function exampleOf(matcher: unknown): unknown {
  return reify(matcher);
}
