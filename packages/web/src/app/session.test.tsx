import type { Task } from "@taskmanager/core/task/schema";
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signIn } from "../auth";
import { queryClient } from "../tasks/query-client";
import { makeTask, mockApi, renderApp } from "../test/helpers";
import { markJustSignedIn, readTokens, writeTokens } from "../tokens";
import { forgetExpiry } from "./session";

afterEach(forgetExpiry);

/** A screen's first render in a file loads its chunk cold: slow on a busy machine. */
const COLD = { timeout: 5000 };

const page = (items: Task[]) => ({ status: 200, body: { items, cursor: null } });
const expired = { status: 401, body: { error: { code: "unauthorized", message: "expired" } } };
const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

/** What Callback does once the issuer sends the person back: new tokens, then the page again. */
async function signBackIn(url: string) {
  writeTokens({ access: "new-token", refresh: "new-refresh" });
  markJustSignedIn();
  forgetExpiry();
  cleanup();
  queryClient.clear();
  return renderApp(url);
}

async function expectSignInScreen() {
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toBe(
    "Your session expired; sign in again to continue — your draft is kept.",
  );
  expect(screen.getByRole("heading", { name: "Taskmanager" })).toBeTruthy();
  expect(readTokens()).toBeNull();
}

describe("an expired session loses nothing typed", () => {
  it("quick add's fields, typed when the session ends, come back after signing in", async () => {
    let signedIn = true;
    mockApi(() => (signedIn ? page([makeTask({ title: "Old" })]) : expired));
    renderApp("/");
    const title = await screen.findByLabelText("Add a task", {}, COLD);
    fireEvent.change(title, { target: { value: "Renew passport" } });
    fireEvent.change(screen.getByLabelText("Due"), { target: { value: "2099-05-01" } });
    fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "high" } });

    // The next request finds the session over: the sign-in screen says why, right here.
    signedIn = false;
    await act(() => queryClient.invalidateQueries());
    await expectSignInScreen();
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(vi.mocked(signIn)).toHaveBeenCalled());

    signedIn = true;
    await signBackIn("/");
    await waitFor(() => expect(value("Add a task")).toBe("Renew passport"));
    expect(value("Due")).toBe("2099-05-01");
    expect(value("Priority")).toBe("high");
  });

  it("a quick add sent as the session ends comes back whole", async () => {
    mockApi((call) => (call.method === "POST" ? expired : page([])));
    renderApp("/");
    const title = await screen.findByLabelText("Add a task", {}, COLD);
    fireEvent.change(title, { target: { value: "Call the bank" } });
    fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "low" } });
    fireEvent.submit(title);
    await expectSignInScreen();

    await signBackIn("/");
    await waitFor(() => expect(value("Add a task")).toBe("Call the bank"));
    expect(value("Priority")).toBe("low");
  });

  it("the full form's fields come back after signing in, and it says so", async () => {
    mockApi((call) => (call.method === "POST" ? expired : page([])));
    renderApp("/new");
    fireEvent.change(await screen.findByLabelText("Title", {}, COLD), {
      target: { value: "Tax return" },
    });
    fireEvent.change(screen.getByLabelText("Description"), { target: { value: "Find forms" } });
    fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "high" } });
    fireEvent.click(screen.getByRole("button", { name: "Create task" }));
    await expectSignInScreen();

    await signBackIn("/new");
    await waitFor(() => expect(value("Title")).toBe("Tax return"));
    expect(value("Description")).toBe("Find forms");
    expect(value("Priority")).toBe("high");
    expect(screen.getByText(/restored what you had typed/)).toBeTruthy();
  });

  it("without a draft, the sign-in screen still says why, without promising one", async () => {
    mockApi(() => expired);
    renderApp("/");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Your session expired; sign in again to continue.");
  });
});

describe("quick add with the API down", () => {
  it("brings back the title, the due date and the priority, with the reason", async () => {
    mockApi(() => page([]));
    renderApp("/");
    const title = await screen.findByLabelText("Add a task", {}, COLD);
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    fireEvent.change(title, { target: { value: "Water plants" } });
    fireEvent.change(screen.getByLabelText("Due"), { target: { value: "2099-06-02" } });
    fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "high" } });
    fireEvent.submit(title);

    expect((await screen.findByRole("alert")).textContent).toMatch(
      /“Water plants” was not added: Can't reach the server/,
    );
    expect(value("Add a task")).toBe("Water plants");
    expect(value("Due")).toBe("2099-06-02");
    expect(value("Priority")).toBe("high");
  });
});
