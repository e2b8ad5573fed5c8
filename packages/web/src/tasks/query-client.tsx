/** The one TanStack Query cache, provided by each screen (screens load on demand; the shell needs none). */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ComponentType } from "react";
import { ApiError } from "../api-error";
import { recoverOnReturn } from "./recover";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // An answer from the server, even a 5xx, is shown at once: retrying cannot
      // fix a refusal and only delays the message. A lost request is tried once more.
      retry: (count, error) => count < 1 && error instanceof ApiError && error.code === "network",
    },
  },
});

// Registered once, when the first screen that reads the API loads.
if (typeof window !== "undefined") recoverOnReturn(queryClient);

export function withQueries<P extends object>(Screen: ComponentType<P>) {
  return function WithQueries(props: P) {
    return (
      <QueryClientProvider client={queryClient}>
        <Screen {...props} />
      </QueryClientProvider>
    );
  };
}
