/**
 * Optimistic concurrency over HTTP: many people (or tabs) saving the same version of
 * a task at once get exactly one winner, and the stored task is the winner's.
 */
import { Task } from "@taskmanager/core/task/schema";
import { expect, test } from "vitest";
import { api, expectError, newPerson } from "../helpers/api";

const WRITERS = 50;

test(`${WRITERS} simultaneous PATCHes of one version: one 200, ${WRITERS - 1} 409s, the winner's task stored`, async () => {
  const person = await newPerson("race");
  const created = await api("/tasks", {
    method: "POST",
    token: person.token,
    body: { title: "contested" },
  });
  const task = Task.parse(created.json);

  const responses = await Promise.all(
    Array.from({ length: WRITERS }, (_, i) =>
      api(`/tasks/${task.taskId}`, {
        method: "PATCH",
        token: person.token,
        body: { version: task.version, title: `writer ${i}`, priority: i % 2 ? "high" : "low" },
      }),
    ),
  );

  const winners = responses.flatMap((response, i) => (response.status === 200 ? [i] : []));
  expect(winners, responses.map((r) => r.status).join(" ")).toHaveLength(1);
  const winner = winners[0] as number;
  for (const [i, response] of responses.entries()) {
    if (i !== winner) expectError(response, 409, "conflict");
  }
  const won = Task.parse(responses[winner]?.json);
  expect(won).toMatchObject({ title: `writer ${winner}`, version: task.version + 1 });

  const stored = Task.parse((await api(`/tasks/${task.taskId}`, { token: person.token })).json);
  expect(stored).toEqual(won);
  expect(stored.priority).toBe(winner % 2 ? "high" : "low");
}, 60_000);
