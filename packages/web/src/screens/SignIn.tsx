import { useState } from "react";
import { useScreen } from "../app/screen";

export function SignIn({ message }: { message?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useScreen("Sign in");
  const go = () => {
    setBusy(true);
    import("../auth")
      .then(({ signIn }) => signIn())
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
      <button type="button" className="primary" onClick={go} disabled={busy}>
        Sign in
      </button>
      <p>
        New here?{" "}
        <button type="button" className="link" onClick={go} disabled={busy}>
          Create an account
        </button>{" "}
        — on the next page choose “Register”; we email you a code to confirm your address.
      </p>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
