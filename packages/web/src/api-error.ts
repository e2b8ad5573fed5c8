/**
 * The error every API call fails with. Kept apart from the client (and its zod
 * schemas) so the app shell can reason about errors without loading them.
 */
import type { ErrorCode } from "@taskmanager/core/error/schema";

/** `network` is ours: the request never got an answer (offline, DNS, CORS). */
export type ApiErrorCode = ErrorCode | "network";

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    readonly issues: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** A refusal (4xx) will be refused again: retrying it only delays the message. */
export const isRefusal = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500;
