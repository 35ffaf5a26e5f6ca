/**
 * The reason k6 gives for stopping, from its log output: the first `level=error` message (logfmt
 * `msg="..."`), without the JavaScript stack. Undefined when k6 said nothing useful.
 */
export function k6ErrorReason(output: string): string | undefined {
  for (const line of output.split('\n')) {
    if (!/level=(error|fatal)/.test(line)) continue;
    const m = /msg="((?:[^"\\]|\\.)*)"/.exec(line);
    const msg = (m?.[1] ?? line).replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\"/g, '"');
    const first = msg.split('\n')[0]?.trim();
    if (first && !/thresholds on metrics .* have been crossed/.test(first)) return first.replace(/^(GoError|Error): /, '');
  }
  return undefined;
}
