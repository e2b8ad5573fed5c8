/**
 * The toast: a message with at most one action (Undo, also on its key: z), for a few
 * seconds. The timer pauses while the pointer or focus is on it, so nobody loses the
 * chance to act.
 */
import { useEffect, useRef, useState } from "react";
import { dismissToast, toast } from "../app/toast";

export const TOAST_MS = 6_000;

export function ToastView() {
  const current = toast.use();
  const [paused, setPaused] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // A new toast starts its own full time, whatever happened to the last one.
  const id = current?.id;
  useEffect(() => {
    if (id !== undefined) setPaused(false);
  }, [id]);
  useEffect(() => {
    const node = box.current;
    if (!node) return;
    const pause = () => setPaused(true);
    const resume = () => setPaused(false);
    const events = [
      ["pointerenter", pause],
      ["pointerleave", resume],
      ["focusin", pause],
      ["focusout", resume],
    ] as const;
    for (const [name, handler] of events) node.addEventListener(name, handler);
    return () => {
      for (const [name, handler] of events) node.removeEventListener(name, handler);
    };
  });
  useEffect(() => {
    if (!current || paused) return;
    const timer = setTimeout(() => dismissToast(current.id, { expired: true }), TOAST_MS);
    return () => clearTimeout(timer);
  }, [current, paused]);
  if (!current) return null;
  return (
    <div className="toast" ref={box}>
      <span>{current.message}</span>
      {current.action ? (
        <button
          type="button"
          aria-keyshortcuts={current.action.key}
          onClick={() => {
            dismissToast(current.id, { expired: false });
            current.action?.run();
          }}
        >
          {current.action.label}
          {current.action.key ? (
            // The name stays "Undo"; the key is in aria-keyshortcuts and the announcement.
            <span className="key" aria-hidden="true">
              {current.action.key}
            </span>
          ) : null}
        </button>
      ) : null}
      <button
        type="button"
        className="quiet"
        aria-label="Dismiss"
        onClick={() => dismissToast(current.id, { expired: true })}
      >
        ×
      </button>
    </div>
  );
}
