import { cleanup, configure } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";
import { resetScreens } from "../app/screen";
import { toast } from "../app/toast";
import { pendingDeletes } from "../tasks/deletion";
import { queryClient } from "../tasks/query-client";

// findBy/waitFor wait up to 5 s, not 1: screens load their chunks on demand, and CI runs
// every suite at once on two cores. A screen that never appears still fails.
configure({ asyncUtilTimeout: 5_000 });

// Component tests talk to a mocked fetch, never to an issuer: the token is a given.
vi.mock("../auth", () => ({
  accessToken: async () => "test-token",
  signIn: vi.fn(async () => {}),
  completeSignIn: vi.fn(),
  revokeSession: vi.fn(async () => {}),
}));

beforeEach(() => {
  localStorage.setItem(
    "taskmanager.tokens",
    JSON.stringify({ access: "test-token", refresh: "test-refresh" }),
  );
});

afterEach(() => {
  cleanup();
  queryClient.clear();
  toast.set(null);
  pendingDeletes.set(new Set());
  resetScreens();
  sessionStorage.clear();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
