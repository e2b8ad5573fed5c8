/**
 * The toast: a message with at most one action (Undo), for a few seconds. The
 * timer pauses while the pointer or focus is on it, so nobody loses the chance to act.
 */
import { useEffect, useState } from "react";
import { dismissToast, toast } from "../app/toast";

export const TOAST_MS = 6_000;

export function ToastView() {
  const current = toast.use();
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (!current || paused) return;
    const timer = setTimeout(() => dismissToast(current.id, { expired: true }), TOAST_MS);
    return () => clearTimeout(timer);
  }, [current, paused]);
  if (!current) return null;
  return (
    <div
      className="toast"
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span>{current.message}</span>
      {current.action ? (
        <button
          type="button"
          onClick={() => {
            dismissToast(current.id, { expired: false });
            current.action?.run();
          }}
        >
          {current.action.label}
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
