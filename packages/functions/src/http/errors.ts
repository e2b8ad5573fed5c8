/**
 * The edge's one mapping from errors to responses: a `VisibleError` keeps its code,
 * an unreachable dependency becomes `unavailable`, anything else `internal` (no
 * message or stack of it ever reaches the caller).
 */
import { causes, VisibleError } from "@taskmanager/core/error";
import type { ErrorBody, ErrorCode } from "@taskmanager/core/error/schema";

/** Every error code's HTTP status: a new code is one line here. */
export const STATUS_OF_CODE = {
  validation_failed: 400,
  unauthorized: 401,
  /** A member whose role does not allow it (a viewer writing); a non-member gets not_found. */
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

/**
 * AWS SDK error names and Node network codes that mean "try again shortly". A timeout
 * (the DynamoDB client's request, connection or socket timeout: `TimeoutError`,
 * `ETIMEDOUT`) is one: the dependency is hung, not the request wrong.
 */
const UNAVAILABLE_NAMES = new Set([
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "InternalServerError",
]);
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

function isUnavailable(error: unknown): boolean {
  return causes(error).some((e) => {
    const { name, code, errors, $fault } = e as {
      name?: string;
      code?: string;
      errors?: unknown;
      $fault?: string;
    };
    if (UNAVAILABLE_NAMES.has(name ?? "") || NETWORK_CODES.has(code ?? "")) return true;
    // An AWS service's own failure (a 5xx of any name) is not the caller's doing.
    if ($fault === "server") return true;
    // fetch and net raise AggregateErrors that hold the real causes.
    return Array.isArray(errors) && errors.some(isUnavailable);
  });
}

export function toVisibleError(error: unknown): VisibleError {
  if (error instanceof VisibleError) return error;
  if (isUnavailable(error)) {
    return new VisibleError("unavailable", "The service is unavailable; try again shortly.");
  }
  return new VisibleError("internal", "Something went wrong on our side.");
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
}

export function toErrorResponse(error: unknown): ErrorResponse {
  const visible = toVisibleError(error);
  return { status: STATUS_OF_CODE[visible.code], body: visible.toBody() };
}
