/**
 * Single-key shortcuts (n, /, z, ?) that never fire while the person is typing in a
 * field, and the dialog that lists them (with Escape, which quick add and the forms take).
 */
import { type Ref, useEffect, useRef } from "react";

const SHORTCUTS = [
  ["n", "New task (focuses quick add)"],
  ["/", "Search your tasks"],
  ["z", "Undo a delete (while its message shows)"],
  ["?", "Show these shortcuts"],
] as const;

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
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector("dialog[open]")) return;
      const action = latest.current[event.key as Key];
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
              <kbd>{key}</kbd>
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
