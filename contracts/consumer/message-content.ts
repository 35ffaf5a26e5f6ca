/** The JSON body of a V4 asynchronous message as the consumer's handler receives it. */
export function contentOf(message: { readonly contents: { readonly content: unknown } }): unknown {
  const content = message.contents.content;
  return Buffer.isBuffer(content) ? (JSON.parse(content.toString('utf8')) as unknown) : content;
}
