/**
 * A read that failed is tried again when its failure may be over: the connection is
 * back (`online`), or the person returns to the tab or window (`focus`, the page
 * shown again). TanStack Query's own refetch on reconnect and on focus covers stale
 * data only after the browser itself saw the connection drop, and its focus manager
 * listens to the page being shown, not to the window taking focus; an API that was
 * down while the browser stayed online would keep its error until Retry was pressed.
 */
import { focusManager, type QueryClient } from "@tanstack/react-query";

/** Only reads someone is looking at (an active observer), and only those that failed. */
function retryFailed(client: QueryClient) {
  if (!navigator.onLine) return;
  void client.refetchQueries({
    type: "active",
    predicate: (query) => query.state.status === "error" && query.state.fetchStatus === "idle",
  });
}

export function recoverOnReturn(client: QueryClient): () => void {
  const retry = () => retryFailed(client);
  const shown = () => {
    if (document.visibilityState === "visible") retry();
  };
  window.addEventListener("online", retry);
  window.addEventListener("focus", retry);
  document.addEventListener("visibilitychange", shown);
  // Stale data is refreshed when the window takes focus too, not only when the tab is shown.
  focusManager.setEventListener((handleFocus) => {
    const focused = () => handleFocus();
    window.addEventListener("visibilitychange", focused);
    window.addEventListener("focus", focused);
    return () => {
      window.removeEventListener("visibilitychange", focused);
      window.removeEventListener("focus", focused);
    };
  });
  return () => {
    window.removeEventListener("online", retry);
    window.removeEventListener("focus", retry);
    document.removeEventListener("visibilitychange", shown);
  };
}
