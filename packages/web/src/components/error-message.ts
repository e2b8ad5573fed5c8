/** Messages a person can act on, whatever failed underneath. */
export function describeError(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && "message" in error) {
    if (error.code === "network") return String(error.message);
    if (error.code === "unavailable") return "The service is busy right now. Please retry shortly.";
    if (error.code === "not_found") return "This task does not exist any more.";
    return String(error.message);
  }
  return "Something went wrong. Please retry.";
}
