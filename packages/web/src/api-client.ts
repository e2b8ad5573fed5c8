/**
 * The one way the app talks to the tasks API: adds the bearer token, parses the
 * error envelope into an ApiError, and validates successful bodies with the core
 * schemas so a contract drift shows up as an error rather than as broken UI.
 */
import { ErrorBody } from "@taskmanager/core/error/schema";
import { joinUrl } from "@taskmanager/core/url/schema";
import type * as z from "zod/mini";
import { ApiError } from "./api-error";
import { expireSession } from "./app/session";
import { accessToken } from "./auth";

export { ApiError } from "./api-error";

/**
 * The session is gone: the app's sign-in screen takes over here and says why;
 * signing in comes back to this page, where drafts bring back what was typed.
 */
function unauthorized() {
  expireSession();
}

interface RequestOptions<T> {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  schema?: z.ZodMiniType<T>;
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
    unauthorized();
    throw new ApiError("unauthorized", "Your session has ended. Please sign in again.", 401);
  }
  let response: Response;
  try {
    response = await fetch(joinUrl(import.meta.env.VITE_API_URL, path), {
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

/** The error envelope of a refused response as an ApiError (a 401 also ends the session). */
export async function toApiError(response: Response): Promise<ApiError> {
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
        response.status >= 500
          ? "Something went wrong on our side; try again."
          : "The request was refused; reload the page and try again.",
        response.status,
      );
  if (error.code === "unauthorized") unauthorized();
  return error;
}
