/**
 * "Show completed": done tasks are hidden in the Inbox, the views and the lists unless
 * it is on. It is `done=1` in the URL (bookmarkable, kept across Back and reload), and
 * each change is a step Back can undo.
 */
import { useNavigate } from "@tanstack/react-router";
import { useId } from "react";

export function ShowCompleted({ on }: { on: boolean }) {
  const navigate = useNavigate();
  const id = useId();
  return (
    <div className="show-completed">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={on}
        aria-checked={on}
        onChange={(e) =>
          void navigate({
            to: ".",
            search: <S extends { done?: "1" }>(prev: S): S => ({
              ...prev,
              done: e.target.checked ? "1" : undefined,
            }),
          })
        }
      />
      <label htmlFor={id}>Show completed</label>
    </div>
  );
}
