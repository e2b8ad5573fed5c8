/** Shared by the issuer tests: its pages and forms over real HTTP against the run's stack. */
import { randomUUID } from "node:crypto";
import { WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import {
  IssuerSession,
  latestCode,
  REDIRECT_URI,
  signUp,
} from "@taskmanager/local/clients/sign-in";
import { expect } from "vitest";
import { stack } from "./api";

export const PASSWORD = "correct-horse-battery";

export const uniqueEmail = (label: string) => `${label}-${randomUUID()}@example.com`;

/** A browser that has passed /authorize with PKCE, ready at the sign-in forms. */
export async function startedSession(): Promise<IssuerSession> {
  const session = new IssuerSession(stack().auth);
  await session.start();
  return session;
}

/** The query of a valid authorization request, with some parameters changed or removed. */
export function authorizeQuery(changes: Record<string, string | undefined> = {}): string {
  const session = new IssuerSession(stack().auth);
  const values: Record<string, string | undefined> = {
    client_id: WEB_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    provider: "password",
    state: "s1",
    code_challenge: session.pkce.challenge,
    code_challenge_method: "S256",
    ...changes,
  };
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) query.set(name, value);
  }
  return query.toString();
}

/** A page's text without markup, to read what a person sees. */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Asserts one of the issuer's own HTML pages (never a redirect) and returns its text. */
export async function expectPage(response: Response, status: number): Promise<string> {
  const body = await response.text();
  expect(response.status, body.slice(0, 500)).toBe(status);
  expect(response.headers.get("location")).toBeNull();
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  expect(body).toMatch(/^<!doctype html>\s*<html lang="en">/);
  return visibleText(body);
}

/** Opens the registration form in `session` and submits it. */
export async function submitRegistration(
  session: IssuerSession,
  fields: { email: string; password?: string; repeat?: string },
): Promise<Response> {
  await session.request("/password/register");
  const password = fields.password ?? PASSWORD;
  return session.request("/password/register", {
    action: "register",
    email: fields.email,
    password,
    repeat: fields.repeat ?? password,
  });
}

/** Registers `email` up to the code screen; returns the session waiting for the code. */
export async function registerUntilCode(email: string): Promise<IssuerSession> {
  const session = await startedSession();
  const response = await submitRegistration(session, { email });
  expect(await expectPage(response, 200)).toContain(`We sent a 6-digit code to ${email}`);
  return session;
}

export const codeFor = (email: string) => latestCode(stack().mail, email);

/** A code that is not `code` (same length, so only its value is wrong). */
export const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

/** A person with an account and the password PASSWORD. */
export async function existingAccount(label: string): Promise<string> {
  const email = uniqueEmail(label);
  await signUp(stack(), email, PASSWORD);
  return email;
}

export const mailCount = async (email: string) => {
  const response = await fetch(`${stack().mail}/mailbox/${encodeURIComponent(email)}`);
  const { messages } = (await response.json()) as { messages: unknown[] };
  return messages.length;
};
