/**
 * Single-key shortcuts (n, /, z, ?) and two-key ones ("g" then a view's letter) that
 * never fire while the person is typing in a field, and the dialog that lists them
 * (with Escape, which quick add and the forms take).
 */
import { type Ref, useEffect, useRef } from "react";

const SHORTCUTS = [
  ["n", "New task (focuses quick add)"],
  ["/", "Search your tasks"],
  ["z", "Undo a delete (while its message shows)"],
  ["?", "Show these shortcuts"],
  ["g t", "Go to Today"],
  ["g u", "Go to Upcoming"],
  ["g i", "Go to the Inbox"],
] as const;

/** How long after "g" its second key still counts (as in Gmail and GitHub). */
const SEQUENCE_MS = 1_500;

type Key = (typeof SHORTCUTS)[number][0];

/** Keys the dialog lists that the page's own fields handle (no shortcut action). */
const IN_FIELDS = [
  ["Esc", "Leave quick add (emptying it first) or a form (asking first if it has changes)"],
] as const;

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function useShortcuts(enabled: boolean, actions: Record<Key, () => void>) {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    if (!enabled) return;
    /** When "g" was pressed: the next key, soon enough, completes a two-key shortcut. */
    let prefixAt = Number.NEGATIVE_INFINITY;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector("dialog[open]")) return;
      const inSequence = Date.now() - prefixAt < SEQUENCE_MS;
      prefixAt = Number.NEGATIVE_INFINITY;
      if (event.key === "g" && !inSequence) {
        prefixAt = Date.now();
        event.preventDefault();
        return;
      }
      const action = latest.current[(inSequence ? `g ${event.key}` : event.key) as Key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [enabled]);
}

export function ShortcutsDialog({ ref }: { ref: Ref<HTMLDialogElement> }) {
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <dl>
        {[...SHORTCUTS, ...IN_FIELDS].map(([key, what]) => (
          <div key={key}>
            <dt>
              {key.startsWith("g ") ? (
                <>
                  <kbd>{key[0]}</kbd> then <kbd>{key[2]}</kbd>
                </>
              ) : (
                <kbd>{key}</kbd>
              )}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
