/**
 * A non-2xx answer. Spark's errors are plain text (`unknown app: foobar`), so `body` is that text verbatim
 * and pages can show it as is.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly body: string,
    readonly url: string,
  ) {
    super(`${status}${body === '' ? '' : `: ${body}`}`);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** A 2xx answer that does not match the contract (only raised when the client validates, i.e. in dev). */
export class ContractError extends Error {
  override readonly name = 'ContractError';
  constructor(
    readonly url: string,
    readonly problems: string,
  ) {
    super(`response of ${url} does not match the contract: ${problems}`);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
