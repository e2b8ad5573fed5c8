/**
 * While the app is open and signed in: asks for delivered reminders every minute,
 * and when the person comes back to the window (at most once a minute), and shows
 * each new one once as a toast with "Open task", announced too. A toast already
 * shown (an Undo, another notice) is never pushed out: notices wait their turn.
 * Loaded on demand by the shell (it needs the API client).
 */
import { useNavigate } from "@tanstack/react-router";
import type { ReminderNotice } from "@taskmanager/core/reminder/schema";
import { useEffect, useState } from "react";
import { announce } from "../app/announce";
import { POLL_MS, pollNotices } from "../app/reminder-notices";
import { showToast, toast } from "../app/toast";

export function noticeMessage(notice: ReminderNotice): string {
  return notice.late
    ? `Reminder (late, sent after a delay): “${notice.title}”`
    : `Reminder: “${notice.title}”`;
}

export function ReminderNotices({ person }: { person: string }) {
  const navigate = useNavigate();
  const [queue, setQueue] = useState<ReminderNotice[]>([]);
  // One toast at a time: a notice waits for the one shown (its own or an Undo) to go.
  const free = toast.use() === null;

  useEffect(() => {
    let last = Date.now();
    let stopped = false;
    let inFlight = false;
    const poll = async () => {
      if (inFlight || !navigator.onLine) return;
      inFlight = true;
      last = Date.now();
      try {
        const fresh = await pollNotices(person);
        if (!stopped && fresh.length > 0) setQueue((queued) => [...queued, ...fresh]);
      } catch {
        // Offline or refused: the next minute asks again (the cursor has not moved).
      } finally {
        inFlight = false;
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    const back = () => {
      if (document.visibilityState === "visible" && Date.now() - last >= POLL_MS) void poll();
    };
    window.addEventListener("focus", back);
    document.addEventListener("visibilitychange", back);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("focus", back);
      document.removeEventListener("visibilitychange", back);
    };
  }, [person]);

  const [next] = queue;
  useEffect(() => {
    if (!next || !free) return;
    const message = noticeMessage(next);
    showToast({
      message,
      action: {
        label: "Open task",
        run: () => void navigate({ to: "/tasks/$taskId", params: { taskId: next.taskId } }),
      },
    });
    announce(message);
    setQueue((queued) => queued.slice(1));
  }, [next, free, navigate]);

  return null;
}
