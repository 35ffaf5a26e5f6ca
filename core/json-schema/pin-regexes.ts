/**
 * Regular expressions for the JSON Schema formats a pact can check. Pact's matchers run in its Rust core,
 * so each is written in the syntax JavaScript and Rust's `regex` share (no lookaround, no backreferences).
 * They are anchored and no stricter than ajv-formats: an example ajv accepts matches them, and a provider
 * value that does not is a real format change.
 */
export const FORMAT_REGEXES: Readonly<Record<string, string>> = {
  'date-time': '^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$',
  date: '^\\d{4}-\\d{2}-\\d{2}$',
  time: '^\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})?$',
  uuid: '^(urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  email: '^[^@\\s]+@[^@\\s]+$',
  uri: '^[A-Za-z][A-Za-z0-9+.-]*:\\S*$',
  'uri-reference': '^\\S*$',
  ipv4: '^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$',
  ipv6: '^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$',
  hostname: '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$',
};

/** `^(?:a|b)$` for an enum of strings, each value escaped. */
export function enumRegex(values: readonly string[]): string {
  return `^(?:${values.map((v) => v.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')).join('|')})$`;
}

const UNSUPPORTED: readonly [RegExp, string][] = [
  [/\(\?<?[=!]/, 'lookaround'],
  [/\\[1-9]|\\k</, 'a backreference'],
];

/**
 * Why a JSON Schema `pattern` cannot be a pact regex (Rust's engine has no lookaround or backreferences),
 * or undefined. Patterns stay unanchored, as JSON Schema and Pact both read them.
 */
export function unsupportedPattern(pattern: string): string | undefined {
  const found = UNSUPPORTED.find(([re]) => re.test(pattern));
  return found ? `pattern "${pattern}" uses ${found[1]}, which Pact's regex engine (Rust) does not support` : undefined;
}
