/** Shared by the API tests: real HTTP against the run's local stack. */

import { randomUUID } from "node:crypto";
import { ErrorBody, type ErrorCode } from "@taskmanager/core/error/schema";
import { signUp } from "@taskmanager/local/clients/sign-in";
import { expect, inject } from "vitest";
import * as z from "zod/mini";
import { expectContract } from "./openapi-contract";

export const stack = () => inject("stack");

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** One request to the local API; `body` objects are sent as JSON. */
export async function api(
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization ??= `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${stack().api}${path}`, {
    method: init.method ?? "GET",
    headers,
    body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const result = { status: response.status, headers: response.headers, text, json };
  expectContract(init.method ?? "GET", path, result);
  return result;
}

export interface Person {
  email: string;
  token: string;
}

/** Signs a new person up through the real issuer; the email is unique per call. */
export async function newPerson(label: string): Promise<Person> {
  const email = `${label}-${randomUUID()}@example.com`;
  const tokens = await signUp(stack(), email, "correct-horse-battery");
  return { email, token: tokens.access };
}

/** Asserts the exact error envelope (and no stack trace) and returns it. */
export function expectError(
  response: ApiResponse,
  status: number,
  code: ErrorCode,
): ErrorBody["error"] {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = z.strictObject(ErrorBody.shape).parse(response.json);
  expect(Object.keys(body.error).sort()).toEqual(
    body.error.issues ? ["code", "issues", "message"] : ["code", "message"],
  );
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expectNoStackTrace(response.text);
  return body.error;
}

export function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/\bat \S+ \(|\bat (file:|node:|\/)|\.ts:\d+/);
}
