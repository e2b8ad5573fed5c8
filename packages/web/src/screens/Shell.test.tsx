/**
 * The keyboard's way into the list: the first Tab stop is the skip link, and it lands
 * in quick add; quick add comes before the filters and the export.
 */
import { createMemoryHistory, RouterProvider } from "@tanstack/react-router";
import { render, screen } from "@testing-library/react";
import { StrictMode } from "react";
import { describe, expect, it } from "vitest";
import { makeRouter } from "../router";
import { makeTask, mockApi, renderApp } from "../test/helpers";

const TABBABLE = "a[href], button, input, select, textarea, [tabindex]";

/** What Tab visits, in order (no positive tabindex in this app, so document order). */
const tabStops = () =>
  Array.from(document.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (element) =>
      element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled && !element.hidden,
  );

describe("the first Tab stops on the list", () => {
  it("are the skip link, which lands in quick add, then quick add before export", async () => {
    mockApi(() => ({ status: 200, body: { items: [], cursor: null } }));
    renderApp("/");
    const quickAdd = await screen.findByLabelText("Add a task");
    const exportFormat = await screen.findByLabelText("Export as");
    const stops = tabStops();
    const skip = stops[0] as HTMLAnchorElement;
    expect(skip.textContent).toBe("Skip to quick add");
    expect(document.getElementById(new URL(skip.href).hash.slice(1))).toBe(quickAdd);
    expect(stops.indexOf(quickAdd)).toBeLessThan(stops.indexOf(exportFormat));
    expect(stops.indexOf(quickAdd)).toBeLessThan(stops.indexOf(screen.getByLabelText("Search")));
  });

  it("are the skip link to the content elsewhere", async () => {
    mockApi(() => ({ status: 404, body: { error: { code: "not_found", message: "no" } } }));
    renderApp("/new");
    await screen.findByRole("heading", { level: 1 });
    const skip = tabStops()[0] as HTMLAnchorElement;
    expect(skip.textContent).toBe("Skip to content");
    expect(new URL(skip.href).hash).toBe("#main");
  });

  it("start from the top of the page on load, even under StrictMode's double effects", async () => {
    mockApi(() => ({ status: 200, body: { items: [makeTask({ title: "A" })], cursor: null } }));
    // As main.tsx renders it; development builds run each effect twice.
    const router = makeRouter({ history: createMemoryHistory({ initialEntries: ["/"] }) });
    render(
      <StrictMode>
        <RouterProvider router={router} />
      </StrictMode>,
    );
    await screen.findByText("A");
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Not the heading: the first Tab must reach the skip link, then quick add.
    expect(document.activeElement).toBe(document.body);
  });
});
