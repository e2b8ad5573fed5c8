/**
 * The one error type callers may see. Core and the HTTP edge both raise it; the
 * edge turns its code into a status once. Anything else is an internal error.
 */
import type * as z from "../zod";
import type { ErrorBody, ErrorCode, ErrorIssue } from "./schema";

export class VisibleError extends Error {
  override name = "VisibleError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.issues ? { issues: this.issues } : {}),
      },
    };
  }
}

/** Parses input with a shared schema; a refusal names every field at fault. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new VisibleError(
    "validation_failed",
    "The request is not valid.",
    result.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    })),
  );
}

/** The error and its causes, outermost first (ElectroDB wraps the AWS SDK's errors). */
export function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && chain.length < 6; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

export function hasCause(error: unknown, names: readonly string[]): boolean {
  return causes(error).some((e) => names.includes((e as { name?: string }).name ?? ""));
}

export function isConditionFailure(error: unknown): boolean {
  return hasCause(error, ["ConditionalCheckFailedException"]);
}
