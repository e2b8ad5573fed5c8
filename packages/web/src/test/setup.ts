import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// Component tests talk to a mocked fetch, never to an issuer: the token is a given.
vi.mock("../auth", () => ({
  accessToken: async () => "test-token",
  readTokens: () => ({ access: "test-token", refresh: "test-refresh" }),
  currentEmail: () => "ada@example.com",
  signIn: vi.fn(async () => {}),
  signOut: vi.fn(),
  completeSignIn: vi.fn(),
}));

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});
