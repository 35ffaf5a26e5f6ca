import { describe, expect, it } from 'vitest';
import { forEachLine } from './line-splitter.ts';

async function* chunks(parts: string[]): AsyncIterable<Buffer> {
  for (const p of parts) yield Buffer.from(p);
}

async function lines(parts: string[]): Promise<string[]> {
  const out: string[] = [];
  await forEachLine(chunks(parts), (buf, s, e) => out.push(buf.toString('utf8', s, e)));
  return out;
}

describe('splitting bytes into lines', () => {
  it('joins lines cut by chunk boundaries, even across several chunks', async () => {
    expect(await lines(['ab\ncd', 'ef', 'gh\nij\n', 'k'])).toEqual(['ab', 'cdefgh', 'ij', 'k']);
  });
  it('drops the \\r of CRLF and keeps empty lines', async () => {
    expect(await lines(['a\r\n\nb\r\n'])).toEqual(['a', '', 'b']);
  });
  it('handles a chunk that starts with the newline ending the previous one', async () => {
    expect(await lines(['abc', '\ndef\n'])).toEqual(['abc', 'def']);
  });
});
