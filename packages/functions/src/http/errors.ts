import { hasCause } from "@taskmanager/core/errors";
import type { ErrorBody, ErrorCode } from "@taskmanager/core/task-schema";
import { ZodError } from "zod";

/** An error raised at the HTTP edge (bad headers, body, token) with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const UNAVAILABLE = [
  "TimeoutError",
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "ServiceUnavailable",
  "InternalServerError",
  "JWKSTimeout",
];
const NETWORK_CODES = ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"];

function isUnavailable(error: unknown): boolean {
  if (hasCause(error, UNAVAILABLE)) return true;
  for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (NETWORK_CODES.includes((e as { code?: string }).code ?? "")) return true;
    const errors = (e as { errors?: unknown[] }).errors; // AggregateError from fetch/net
    if (Array.isArray(errors) && errors.some(isUnavailable)) return true;
  }
  return false;
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
}

/** Every failure becomes one envelope; anything unexpected is a bare 500. */
export function toErrorResponse(error: unknown): ErrorResponse {
  const envelope = (status: number, code: ErrorCode, message: string) => ({
    status,
    body: { error: { code, message } },
  });
  if (error instanceof HttpError) return envelope(error.status, error.code, error.message);
  if (error instanceof ZodError) {
    return {
      status: 400,
      body: {
        error: {
          code: "validation_failed",
          message: "The request is not valid.",
          issues: error.issues.map((issue) => ({
            path: issue.path.map(String).join("."),
            message: issue.message,
          })),
        },
      },
    };
  }
  const name = (error as { name?: string } | null)?.name;
  if (name === "NotFoundError") return envelope(404, "not_found", (error as Error).message);
  if (name === "ConflictError") return envelope(409, "conflict", (error as Error).message);
  if (name === "InvalidCursorError") {
    return {
      status: 400,
      body: {
        error: {
          code: "validation_failed",
          message: (error as Error).message,
          issues: [{ path: "cursor", message: "is not a valid cursor" }],
        },
      },
    };
  }
  if (isUnavailable(error)) {
    return envelope(503, "unavailable", "The service is unavailable; try again shortly.");
  }
  return envelope(500, "internal", "Something went wrong on our side.");
}
