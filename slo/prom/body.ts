/** Reads a response body as text, refusing more than `maxBytes` (a runaway query must not eat memory). */
export async function readCapped(body: AsyncIterable<Buffer | Uint8Array> & { destroy?: (err?: Error) => void }, maxBytes: number): Promise<{ text: string } | { tooLarge: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy?.();
      return { tooLarge: size };
    }
    chunks.push(Buffer.from(chunk));
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}
