/**
 * The settings page (time zone, quick add's language, the daily digest) and the
 * time zone a first sign-in takes from the browser (issue 20).
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { browserTimeZone } from "../app/settings";
import { completeSignIn } from "../auth";
import { type Call, mockApi, renderApp } from "../test/helpers";

type Settings = { timeZone?: string; locale?: string; digestHour?: number | null };

/** GET and PATCH /me/settings as the API answers them: a PATCH sets what it sends. */
function settingsApi(initial: Settings, refuse?: (body: Settings) => string | null) {
  const state = { settings: initial };
  const calls = mockApi((call) => {
    if (call.url.pathname !== "/me/settings")
      return { status: 200, body: { items: [], cursor: null } };
    if (call.method === "PATCH") {
      const body = call.body as Settings;
      const refusal = refuse?.(body);
      if (refusal) {
        return {
          status: 400,
          body: {
            error: {
              code: "validation_failed",
              message: "Invalid settings",
              issues: [{ path: "timeZone", message: refusal }],
            },
          },
        };
      }
      state.settings = { ...state.settings, ...body };
    }
    return { status: 200, body: state.settings };
  });
  const patches = () =>
    calls.filter((c: Call) => c.method === "PATCH" && c.url.pathname === "/me/settings");
  return { state, calls, patches };
}

const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;

describe("the settings page", () => {
  it("is linked from the header and shows the stored settings", async () => {
    settingsApi({ timeZone: "Asia/Tokyo", locale: "en-GB", digestHour: 7 });
    renderApp("/");
    fireEvent.click(await screen.findByRole("link", { name: "Settings" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeTruthy();
    await waitFor(() => expect(select("Time zone").value).toBe("Asia/Tokyo"));
    expect(select("Language for dates in quick add").value).toBe("en-GB");
    expect(select("Daily digest by email").value).toBe("7");
    // Every zone Intl knows is offered.
    expect(select("Time zone").options.length).toBe(Intl.supportedValuesOf("timeZone").length);
  });

  it("starts from the browser's zone when none is stored, and saves only what changed", async () => {
    const { patches } = settingsApi({ locale: "en-US", digestHour: null });
    renderApp("/settings");
    await waitFor(() => expect(select("Time zone").value).toBe(browserTimeZone()));
    expect(select("Daily digest by email").value).toBe("");
    fireEvent.change(select("Daily digest by email"), { target: { value: "8" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(patches()).toHaveLength(1));
    // The zone shown was the browser's and unset: saving stores it; the language (unchanged) is not sent.
    expect(patches()[0]?.body).toEqual({ timeZone: browserTimeZone(), digestHour: 8 });
  });

  it("turns the digest off with null and picks another zone", async () => {
    const { patches } = settingsApi({ timeZone: "Europe/Paris", locale: "de", digestHour: 18 });
    renderApp("/settings");
    await waitFor(() => expect(select("Daily digest by email").value).toBe("18"));
    fireEvent.change(select("Daily digest by email"), { target: { value: "" } });
    fireEvent.change(select("Time zone"), { target: { value: "America/New_York" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(patches()[0]?.body).toEqual({ timeZone: "America/New_York", digestHour: null });
    expect(await screen.findByText("Settings saved.")).toBeTruthy();
  });

  it("shows the server's refusal by the field", async () => {
    settingsApi(
      { timeZone: "Europe/Paris", locale: "en-US" },
      () => "not a zone we know, says the server",
    );
    renderApp("/settings");
    await waitFor(() => expect(select("Time zone").value).toBe("Europe/Paris"));
    fireEvent.change(select("Time zone"), { target: { value: "Asia/Tokyo" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    const message = await screen.findByText("not a zone we know, says the server");
    expect(select("Time zone").getAttribute("aria-invalid")).toBe("true");
    expect(select("Time zone").getAttribute("aria-describedby")).toContain(message.id);
  });
});

describe("the first sign-in", () => {
  afterEach(() => {
    vi.mocked(completeSignIn).mockReset();
  });

  it("sends the browser's time zone once when the settings have none", async () => {
    vi.mocked(completeSignIn).mockResolvedValue("/");
    const { patches, state } = settingsApi({});
    renderApp("/callback?code=c&state=s");
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(patches()[0]?.body).toEqual({ timeZone: browserTimeZone() });
    expect(state.settings.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(patches()).toHaveLength(1);
  });

  it("leaves a zone the person already has alone", async () => {
    vi.mocked(completeSignIn).mockResolvedValue("/");
    const { calls, patches } = settingsApi({ timeZone: "Pacific/Auckland" });
    renderApp("/callback?code=c&state=s");
    await waitFor(() =>
      expect(calls.some((c) => c.method === "GET" && c.url.pathname === "/me/settings")).toBe(true),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(patches()).toHaveLength(0);
  });
});
