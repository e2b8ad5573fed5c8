import { useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { forgetExpiry } from "../app/session";
import { adoptBrowserZone } from "../app/settings";
import { completeSignIn } from "../auth";
import { queryClient } from "../tasks/query-client";
import { SignIn } from "./SignIn";

export function Callback() {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  // An authorization code works once; StrictMode's double effect must not spend it twice.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    completeSignIn(new URLSearchParams(window.location.search))
      .then((returnTo) => {
        forgetExpiry();
        // Not awaited: the person's page opens at once; the zone follows in the background.
        void adoptBrowserZone(queryClient);
        return navigate({ href: returnTo, replace: true });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [navigate]);
  if (error) return <SignIn message={error} />;
  return <p role="status">Signing you in…</p>;
}
