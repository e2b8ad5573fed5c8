import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Task } from "@taskmanager/core/task/schema";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";

export function renderWithClient(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}

export interface Call {
  method: string;
  url: URL;
  body: unknown;
}

type Reply = { status: number; body?: unknown };

/** Stubs fetch with `respond`, recording each request the app makes. */
export function mockApi(respond: (call: Call) => Reply) {
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
      const reply = respond(call);
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
    ...overrides,
  };
}
