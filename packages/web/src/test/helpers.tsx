import { createMemoryHistory, RouterProvider } from "@tanstack/react-router";
import type { Task } from "@taskmanager/core/task/schema";
import { render } from "@testing-library/react";
import { vi } from "vitest";
import { makeRouter } from "../router";
import { queryClient } from "../tasks/query-client";

/** The whole app (shell, router, screens) at `url`, signed in, with the real cache. */
export function renderApp(url: string) {
  const router = makeRouter({ history: createMemoryHistory({ initialEntries: [url] }) });
  return { router, client: queryClient, ...render(<RouterProvider router={router} />) };
}

export interface Call {
  method: string;
  url: URL;
  body: unknown;
}

type Reply = { status: number; body?: unknown };

/** Stubs fetch with `respond` (a reply or a promise of one), recording each request the app makes. */
export function mockApi(respond: (call: Call) => Reply | Promise<Reply>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: URL | string, init?: RequestInit) => {
      const call = {
        method: init?.method ?? "GET",
        url: new URL(input),
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      };
      calls.push(call);
      const reply = await respond(call);
      return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
        status: reply.status,
        headers: { "content-type": "application/json" },
      });
    }),
  );
  return calls;
}

let counter = 0;
export function makeTask(overrides: Partial<Task> = {}): Task {
  counter += 1;
  const now = new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString();
  return {
    taskId: `01JABCDEFGHJKMNPQRSTV${String(counter).padStart(5, "0")}`,
    userId: "user-1",
    title: `Task ${counter}`,
    description: "",
    status: "todo",
    priority: "medium",
    dueDate: null,
    tags: [],
    createdAt: now,
    updatedAt: now,
    version: 1,
    attachmentCount: 0,
    ...overrides,
  };
}
