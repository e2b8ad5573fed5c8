/**
 * The one way the app talks to the tasks API: adds the bearer token, parses the
 * error envelope into an ApiError, and validates successful bodies with the core
 * schemas so a contract drift shows up as an error rather than as broken UI.
 */
import { ErrorBody, type ErrorCode } from "@taskmanager/core/error/schema";
import type { z } from "zod";
import { accessToken } from "./auth";

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

let unauthorizedHandler: () => void = () => {};

/** Called when the API says the session is gone (the app sends the person to sign in). */
export function onUnauthorized(handler: () => void) {
  unauthorizedHandler = handler;
}

interface RequestOptions<T> {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  schema?: z.ZodType<T>;
}

export async function apiRequest<T = void>(path: string, options: RequestOptions<T> = {}) {
  let token: string | null;
  try {
    token = await accessToken();
  } catch {
    // Refreshing needs the issuer; failing to reach it is the same as being offline.
    throw new ApiError("network", "Can't reach the server. Check your connection and retry.", 0);
  }
  if (!token) {
    unauthorizedHandler();
    throw new ApiError("unauthorized", "Your session has ended. Please sign in again.", 401);
  }
  let response: Response;
  try {
    response = await fetch(new URL(path, import.meta.env.VITE_API_URL), {
      method: options.method ?? "GET",
      headers: {
        authorization: `Bearer ${token}`,
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new ApiError("network", "Can't reach the server. Check your connection and retry.", 0);
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || !options.schema) return undefined as T;
  return options.schema.parse(await response.json());
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
  const error = parsed.success
    ? new ApiError(
        parsed.data.error.code,
        parsed.data.error.message,
        response.status,
        parsed.data.error.issues,
      )
    : new ApiError(
        response.status === 401 ? "unauthorized" : "internal",
        `The server answered ${response.status}.`,
        response.status,
      );
  if (error.code === "unauthorized") unauthorizedHandler();
  return error;
}
