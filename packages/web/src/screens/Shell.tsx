/**
 * Around every screen: skip link, header, offline banner, the one live region, the
 * toast, and the keyboard shortcuts. Signed out, every address but the sign-in
 * callback shows the sign-in screen.
 */
import { Link, Outlet, useLocation, useNavigate } from "@tanstack/react-router";
import { lazy, Suspense, useEffect, useRef } from "react";
import { announcement } from "../app/announce";
import { QUICK_ADD_ID, requestFocus, SEARCH_ID } from "../app/screen";
import { expiredMessage, sessionExpired } from "../app/session";
import { SIGNED_OUT_ELSEWHERE, signOutEverywhere, useSignedOutElsewhere } from "../app/sign-out";
import { runToastAction } from "../app/toast";
import { currentEmail, readTokens } from "../tokens";
import { OfflineBanner } from "../widgets/OfflineBanner";
import { ShortcutsDialog, useShortcuts } from "../widgets/Shortcuts";
import { ToastView } from "../widgets/Toast";
import { SignIn } from "./SignIn";

// The sidebar reads the API (and so needs zod and TanStack Query): it loads on demand.
const Sidebar = lazy(() => import("../widgets/Sidebar").then((m) => ({ default: m.Sidebar })));
// Reminder notices poll the API (zod, the client): loaded on demand too.
const ReminderNotices = lazy(() =>
  import("../widgets/ReminderNotices").then((m) => ({ default: m.ReminderNotices })),
);

export function Shell() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const help = useRef<HTMLDialogElement>(null);
  // An expiry re-renders the shell, so the sign-in screen replaces the one in use.
  const expired = sessionExpired.use() > 0;
  // Signing out in another tab re-renders the shell: its tokens are gone too.
  const signedOutElsewhere = useSignedOutElsewhere();
  const signedIn = readTokens() !== null;
  const onList = pathname === "/";

  useShortcuts(signedIn, {
    n: () => {
      if (!onList) void navigate({ to: "/" });
      requestFocus(QUICK_ADD_ID);
    },
    "/": () => {
      if (!onList) void navigate({ to: "/" });
      requestFocus(SEARCH_ID);
    },
    "?": () => help.current?.showModal(),
    // Undo from anywhere, while the toast offers it; nothing otherwise.
    z: () => runToastAction("z"),
    "g t": () => void navigate({ to: "/today" }),
    "g u": () => void navigate({ to: "/upcoming" }),
    "g i": () => void navigate({ to: "/" }),
  });

  if (pathname === "/callback") {
    return (
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    );
  }
  return (
    <>
      {/* On the list, what people come for is adding a task: the skip link lands in quick add. */}
      {signedIn && onList ? (
        <a className="skip-link" href={`#${QUICK_ADD_ID}`}>
          Skip to quick add
        </a>
      ) : (
        <a className="skip-link" href="#main">
          Skip to content
        </a>
      )}
      {signedIn ? (
        <header className="app-header">
          <Link to="/" className="brand">
            Taskmanager
          </Link>
          <span className="who">{currentEmail()}</span>
          <Link to="/settings" className="header-link">
            Settings
          </Link>
          <button
            type="button"
            className="quiet"
            onClick={() => help.current?.showModal()}
            aria-keyshortcuts="?"
          >
            Shortcuts
          </button>
          <button type="button" onClick={() => void signOutEverywhere()}>
            Sign out
          </button>
        </header>
      ) : null}
      <OfflineBanner />
      <div className={signedIn ? "layout" : undefined}>
        {signedIn ? (
          <Suspense fallback={null}>
            <Sidebar />
          </Suspense>
        ) : null}
        <main id="main" tabIndex={-1}>
          {signedIn ? (
            <Outlet />
          ) : (
            <SignIn
              message={
                signedOutElsewhere ? SIGNED_OUT_ELSEWHERE : expired ? expiredMessage() : undefined
              }
            />
          )}
        </main>
      </div>
      {signedIn ? (
        <Suspense fallback={null}>
          <ReminderNotices person={currentEmail() ?? ""} />
        </Suspense>
      ) : null}
      <LiveRegion />
      <ToastView />
      <ShortcutsDialog ref={help} />
    </>
  );
}

function LiveRegion() {
  const { message, count } = announcement.use();
  const region = useRef<HTMLDivElement>(null);
  // Re-set the text so the same message twice is read twice.
  useEffect(() => {
    const node = region.current;
    if (!node || count === 0) return;
    node.textContent = "";
    const timer = setTimeout(() => {
      node.textContent = message;
    }, 50);
    return () => clearTimeout(timer);
  }, [message, count]);
  return <div ref={region} role="status" aria-live="polite" className="visually-hidden" />;
}
