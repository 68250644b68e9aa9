/** An answer other than 200, with Spark's plain-text body (UIUtils.buildErrorResponse). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra headers of the answer, e.g. `Retry-After` on 429. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new ApiError(404, message);
export const badRequest = (message: string) => new ApiError(400, message);
export const forbidden = (message: string) => new ApiError(403, message);
