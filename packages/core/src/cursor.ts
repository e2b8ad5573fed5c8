import { VisibleError } from "./error";

/** Refused when a cursor was not made by this list (tampered, or from another query). */
export const invalidCursor = () =>
  new VisibleError(
    "validation_failed",
    "The cursor is not valid for this query; start again without it.",
    [{ path: "cursor", message: "is not a valid cursor" }],
  );

/**
 * The API's cursor is ElectroDB's own (base64url JSON of DynamoDB's
 * LastEvaluatedKey). It is checked for shape before use; a cursor for another
 * partition is refused by DynamoDB itself, which the caller maps to the same error.
 */
export function checkCursor(cursor: string, allowedKeys: readonly string[]): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const valid =
    typeof decoded === "object" &&
    decoded !== null &&
    !Array.isArray(decoded) &&
    Object.keys(decoded).length > 0 &&
    Object.entries(decoded).every(
      ([key, value]) => allowedKeys.includes(key) && typeof value === "string" && value.length > 0,
    );
  if (!valid) throw invalidCursor();
  return cursor;
}

/** The key a checked cursor stands for (ElectroDB's encoding, read back). */
export function decodeCursor(cursor: string): Record<string, string> {
  return JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
}

/** The cursor for DynamoDB's LastEvaluatedKey, encoded as ElectroDB encodes it. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}
