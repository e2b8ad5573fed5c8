/**
 * Refresh-token reuse revokes the family (issue 7, item 8). Tokens rotate on each
 * refresh; a used one presented again after the grace window means it was stolen
 * (or the thief already used it), so every refresh token of the person is revoked.
 */
import { DynamoDBClient, GetItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import { signUp } from "@taskmanager/local/clients/sign-in";
import { expect, test } from "vitest";
import { TOKEN_LIFETIMES } from "../../src/issuer/issuer";
import { stack } from "../helpers/api";
import { codeFor, PASSWORD, startedSession, uniqueEmail } from "../helpers/issuer";

interface Refreshed {
  status: number;
  body: { access_token?: string; refresh_token?: string; error?: string };
}

async function refresh(token: string): Promise<Refreshed> {
  const response = await fetch(`${stack().auth}/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "refresh_token",
      client_id: WEB_CLIENT_ID,
      refresh_token: token,
    }),
  });
  return { status: response.status, body: (await response.json()) as Refreshed["body"] };
}

/**
 * Moves a used refresh token's time of use back past the grace window, as if the
 * clock had moved on (the window is a minute; waiting for it would slow every run).
 */
async function ageUse(token: string) {
  const client = new DynamoDBClient({ endpoint: stack().dynamo });
  const at = token.lastIndexOf(":");
  const Key = {
    pk: { S: `oauth:refresh\u001f${token.slice(0, at)}` },
    sk: { S: token.slice(at + 1) },
  };
  const { Item } = await client.send(new GetItemCommand({ TableName: stack().authTable, Key }));
  const value = JSON.parse(Item?.value?.S ?? "null") as { timeUsed?: number } | null;
  expect(value?.timeUsed, "the token has been used once").toBeTypeOf("number");
  const aged = { ...value, timeUsed: Date.now() - (TOKEN_LIFETIMES.reuse + 60) * 1000 };
  await client.send(
    new UpdateItemCommand({
      TableName: stack().authTable,
      Key,
      UpdateExpression: "SET #value = :value",
      ExpressionAttributeNames: { "#value": "value" },
      ExpressionAttributeValues: { ":value": { S: JSON.stringify(aged) } },
    }),
  );
}

test("a refresh token used again after the grace window revokes the tokens rotated from it", async () => {
  const first = await signUp(stack(), uniqueEmail("family"), PASSWORD);
  const second = await refresh(first.refresh);
  expect(second.status).toBe(200);
  const third = await refresh(second.body.refresh_token as string);
  expect(third.status).toBe(200);
  expect(third.body.refresh_token).not.toBe(second.body.refresh_token);

  // Within the grace window (two tabs refreshing at once) the used token still answers.
  expect((await refresh(first.refresh)).status).toBe(200);

  await ageUse(first.refresh);
  const reused = await refresh(first.refresh);
  expect(reused.status).toBe(400);
  expect(reused.body.error).toBe("invalid_grant");

  // The newest token of the family, never used, is revoked with it.
  const newest = await refresh(third.body.refresh_token as string);
  expect(newest.status).toBe(400);
  expect(newest.body.error).toBe("invalid_grant");
});

test("another person's tokens are not touched by the revocation", async () => {
  const victim = await signUp(stack(), uniqueEmail("thief-target"), PASSWORD);
  const bystander = await signUp(stack(), uniqueEmail("bystander"), PASSWORD);
  await refresh(victim.refresh);
  await ageUse(victim.refresh);
  expect((await refresh(victim.refresh)).status).toBe(400);
  expect((await refresh(bystander.refresh)).status).toBe(200);
});

test("a password reset revokes the person's refresh tokens", async () => {
  const email = uniqueEmail("reset-revokes");
  const tokens = await signUp(stack(), email, PASSWORD);
  const session = await startedSession();
  await session.request("/password/change");
  await session.request("/password/change", { action: "code", email });
  await session.request("/password/change", { action: "verify", code: await codeFor(email) });
  const saved = await session.request("/password/change", {
    action: "update",
    password: "a-new-password",
    repeat: "a-new-password",
  });
  expect(saved.status).toBe(303);
  expect((await refresh(tokens.refresh)).status).toBe(400);
});
