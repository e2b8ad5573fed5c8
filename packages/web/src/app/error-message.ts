/** Messages a person can act on, in the words people use, whatever failed underneath. */
export function describeError(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && "message" in error) {
    if (error.code === "network") return String(error.message);
    if (error.code === "unavailable") return "The service is busy right now; try again shortly.";
    if (error.code === "not_found") return "This task does not exist any more.";
    if (error.code === "forbidden") {
      return "Your role in this list does not allow that; ask its owner.";
    }
    if (error.code === "internal") return "Something went wrong on our side; try again.";
    return String(error.message);
  }
  return "Something went wrong on our side; try again.";
}
