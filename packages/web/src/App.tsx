import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { onUnauthorized } from "./api-client";
import { currentEmail, readTokens, signIn, signOut } from "./auth";
import { Callback } from "./components/Callback";
import { NewTask } from "./components/NewTask";
import { OfflineBanner } from "./components/OfflineBanner";
import { SignIn } from "./components/SignIn";
import { TaskDetail } from "./components/TaskDetail";
import { TaskList } from "./components/TaskList";
import { navigate, usePath } from "./router";

export function App() {
  const path = usePath();
  const queryClient = useQueryClient();
  const [signedIn, setSignedIn] = useState(() => readTokens() !== null);
  const refreshSession = useCallback(() => setSignedIn(readTokens() !== null), []);

  // The session ended under us: back to the issuer, returning here afterwards.
  // Any form in progress has already been kept as a draft.
  useEffect(() => onUnauthorized(() => void signIn()), []);

  // After moving to another screen, keyboard and screen-reader users start at its heading.
  useEffect(() => {
    if (path) document.querySelector<HTMLElement>("main h1")?.focus();
  }, [path]);

  if (path === "/callback") return <Callback onSignedIn={refreshSession} />;
  if (!signedIn) return <SignIn />;

  const taskMatch = /^\/tasks\/([^/]+)$/.exec(path);
  return (
    <>
      <header className="app-header">
        <a
          href="/"
          className="brand"
          onClick={(e) => {
            e.preventDefault();
            navigate("/");
          }}
        >
          Taskmanager
        </a>
        <span className="who">{currentEmail()}</span>
        <button
          type="button"
          onClick={() => {
            signOut();
            queryClient.clear();
            sessionStorage.clear();
            setSignedIn(false);
            navigate("/");
          }}
        >
          Sign out
        </button>
      </header>
      <OfflineBanner />
      <main>
        {path === "/new" ? (
          <NewTask />
        ) : taskMatch?.[1] ? (
          <TaskDetail key={taskMatch[1]} taskId={decodeURIComponent(taskMatch[1])} />
        ) : (
          <TaskList />
        )}
      </main>
    </>
  );
}
