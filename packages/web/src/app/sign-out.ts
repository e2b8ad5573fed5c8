/**
 * Signing out ends the session everywhere: at the issuer (the refresh token is
 * revoked, so a copy of it is worthless) and in every tab of the app (they share
 * the tokens, and each drops the tasks it shows at once). No OpenAuth here: the
 * shell imports this, and the issuer's client loads only when signing out.
 */
import { useEffect, useState } from "react";
import { onSignOutElsewhere, signOut } from "../tokens";
import { toast } from "./toast";

/** How long signing out waits for pending deletes (the outbox keeps any unanswered). */
const SIGN_OUT_WAIT_MS = 3_000;

/** The Sign out button: send what must be sent while the token works, then end the session. */
export async function signOutEverywhere(): Promise<void> {
  // A delete still offering Undo is sent while the token is still there.
  const [{ commitPendingDeletes }, { queryClient }] = await Promise.all([
    import("../tasks/deletion"),
    import("../tasks/query-client"),
  ]);
  await Promise.race([
    commitPendingDeletes(queryClient),
    new Promise((resolve) => setTimeout(resolve, SIGN_OUT_WAIT_MS)),
  ]);
  // If the issuer cannot be reached, this browser still forgets the session.
  await import("../auth").then(({ revokeSession }) => revokeSession()).catch(() => undefined);
  signOut();
  sessionStorage.clear();
  // A fresh page drops every cached task along with the session.
  window.location.assign("/");
}

export const SIGNED_OUT_ELSEWHERE = "You signed out in another tab.";

/**
 * True once another tab signed out. The shell then shows the sign-in screen (the
 * tokens are gone), and this drops what the tab held: the cached tasks, the toast
 * and the tab's drafts. The cache is cleared after the screens have gone, so none
 * of them refetches without a token.
 */
export function useSignedOutElsewhere(): boolean {
  const [signedOut, setSignedOut] = useState(false);
  useEffect(() => onSignOutElsewhere(() => setSignedOut(true)), []);
  useEffect(() => {
    if (!signedOut) return;
    toast.set(null);
    sessionStorage.clear();
    void import("../tasks/query-client").then(({ queryClient }) => queryClient.clear());
  }, [signedOut]);
  return signedOut;
}
