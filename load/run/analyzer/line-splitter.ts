/**
 * Splits a byte stream into lines without decoding them: the analyzer looks at a line's first bytes
 * and decodes only the few lines it reads (a k6 results file is mostly metrics it skips). A line cut
 * by a chunk boundary is carried over to the next chunk.
 */
export type LineHandler = (buf: Buffer, start: number, end: number) => void;

export async function forEachLine(source: AsyncIterable<Buffer>, onLine: LineHandler): Promise<void> {
  let carry: Buffer | undefined;
  for await (const chunk of source) {
    let buf = chunk;
    let from = 0;
    if (carry) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, nl)]);
      carry = undefined;
      onLine(joined, 0, endOf(joined, joined.length));
      from = nl + 1;
    }
    for (let nl = buf.indexOf(10, from); nl >= 0; nl = buf.indexOf(10, from)) {
      onLine(buf, from, endOf(buf, nl));
      from = nl + 1;
    }
    if (from < buf.length) carry = Buffer.from(buf.subarray(from));
    buf = chunk;
  }
  if (carry && carry.length > 0) onLine(carry, 0, endOf(carry, carry.length));
}

/** Drops a trailing \r (CRLF files). */
function endOf(buf: Buffer, end: number): number {
  return end > 0 && buf[end - 1] === 13 ? end - 1 : end;
}

/** True when buf[start..] begins with `prefix`. */
export function startsWith(buf: Buffer, start: number, end: number, prefix: Buffer): boolean {
  return end - start >= prefix.length && buf.compare(prefix, 0, prefix.length, start, start + prefix.length) === 0;
}
