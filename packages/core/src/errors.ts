/** Domain errors: the functions layer maps each to one HTTP status. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

export class ConflictError extends Error {
  override name = "ConflictError";
}

export class InvalidCursorError extends Error {
  override name = "InvalidCursorError";
  constructor() {
    super("The cursor is not valid for this query; start again without it.");
  }
}

/** The error and its causes (ElectroDB wraps the AWS SDK's errors). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

export function hasCause(error: unknown, names: readonly string[]): boolean {
  return causes(error).some((e) => names.includes((e as { name?: string }).name ?? ""));
}

export function isConditionFailure(error: unknown): boolean {
  return hasCause(error, ["ConditionalCheckFailedException"]);
}
