/** An error a handler throws to answer with a status and a JSON `{error}` body. */
export class HttpError extends Error {
  readonly status: number;
  readonly details: readonly string[];
  constructor(status: number, message: string, details: readonly string[] = []) {
    super(message);
    this.status = status;
    this.details = details;
  }
}
