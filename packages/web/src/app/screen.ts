/**
 * What every screen does when it appears: name itself in the tab's title and,
 * when it was reached by a navigation (not the first page load), move focus to
 * its heading so keyboard and screen-reader users start there.
 */
import { type RefObject, useEffect, useRef } from "react";

/**
 * The page load's first screen, by its heading's ref: known by identity, not by a flag,
 * because StrictMode (in development, and in any build made with NODE_ENV other than
 * production) runs a screen's effect twice, and the second run would take the first
 * screen for a navigation and move focus to its heading: the page then opened with
 * focus on "Tasks", and the first Tab went past the skip link and quick add.
 */
let firstScreen: RefObject<HTMLHeadingElement | null> | null = null;

/** For tests: the next screen counts as the first of a page load again. */
export function resetScreens() {
  firstScreen = null;
}

export function useScreen(title: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Taskmanager`;
  }, [title]);
  useEffect(() => {
    firstScreen ??= heading;
    if (firstScreen === heading) return;
    // Something inside this screen already took focus on purpose (e.g. "n" asked for quick add).
    const active = document.activeElement;
    const screen = heading.current?.closest("section");
    if (active && active !== document.body && screen?.contains(active)) return;
    heading.current?.focus();
  }, []);
  return heading;
}

/** Elements the keyboard shortcuts focus ("n" quick add, "/" search), wherever they are rendered. */
export const QUICK_ADD_ID = "quick-add-title";
export const SEARCH_ID = "task-search";

/** A focus wanted on an element that the next screen renders ("n" from another screen). */
let wanted: string | null = null;

/** Dispatched (bubbling) on an element about to be focused, so a folded panel can open first. */
export const REVEAL_EVENT = "app:reveal";

export function requestFocus(id: string) {
  const element = document.getElementById(id);
  if (!element) {
    wanted = id;
    return;
  }
  element.dispatchEvent(new Event(REVEAL_EVENT, { bubbles: true }));
  element.focus();
}

export function useRequestedFocus(id: string) {
  useEffect(() => {
    if (wanted !== id) return;
    wanted = null;
    document.getElementById(id)?.focus();
  }, [id]);
}
