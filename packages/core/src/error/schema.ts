/**
 * The API's one error envelope: part of the contract every client reads, so it is
 * pure zod (the web bundle imports it) and belongs to no single entity.
 */
import * as z from "../zod";

export const ErrorCode = z.enum([
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "unavailable",
  "internal",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    issues: z.optional(z.array(ErrorIssue)),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
