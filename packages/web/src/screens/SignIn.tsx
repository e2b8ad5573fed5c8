import { useState } from "react";
import { useScreen } from "../app/screen";

export function SignIn({ message }: { message?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useScreen("Sign in");
  const go = (create: boolean) => {
    setBusy(true);
    import("../auth")
      .then(({ signIn }) => signIn({ create }))
      .catch(() => {
        setBusy(false);
        setError("The sign-in service cannot be reached. Check your connection and retry.");
      });
  };
  return (
    <section className="sign-in" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" tabIndex={-1} ref={heading}>
        Taskmanager
      </h1>
      {message ? <p role="alert">{message}</p> : null}
      <p>Keep track of what you need to do. Sign in with your email and password.</p>
      <button type="button" className="primary" onClick={() => go(false)} disabled={busy}>
        Sign in
      </button>
      <p>
        New here?{" "}
        <button type="button" className="link" onClick={() => go(true)} disabled={busy}>
          Create an account
        </button>{" "}
        — the next page asks for your email and a password, then we email you a code to confirm your
        address.
      </p>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
