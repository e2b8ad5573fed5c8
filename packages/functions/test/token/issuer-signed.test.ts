/**
 * Tokens signed with the local issuer's own key (read from its DynamoDB storage),
 * so that a token can be correctly signed yet expired, for another audience or
 * another issuer: each must still be a 401. A re-signed copy of a good token is the
 * control that shows the key is the real one.
 */
import { importPKCS8, type KeyLike } from "jose";
import { beforeAll, expect, test } from "vitest";
import { api, expectError, newPerson, type Person, stack } from "../helpers/api";
import { claimsOf, nowSeconds as now, signToken } from "../helpers/tokens";

let person: Person;
let key: { id: string; privateKey: KeyLike };

/** DynamoDB Local keeps data per access key and region, read from the (unchecked) signature. */
async function dynamo(action: string, payload: unknown) {
  const response = await fetch(stack().dynamo, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.0",
      "x-amz-target": `DynamoDB_20120810.${action}`,
      authorization:
        "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
    },
    body: JSON.stringify(payload),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json() as Promise<{ Items: Array<Record<string, { S: string }>> }>;
}

beforeAll(async () => {
  person = await newPerson("issuer-key");
  const { Items } = await dynamo("Query", {
    TableName: stack().authTable,
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": { S: "signing:key" } },
  });
  const stored = Items.map((item) => JSON.parse(item.value?.S ?? "{}")).find(
    (value) => !value.expired,
  );
  expect(stored).toBeDefined();
  key = { id: stored.id, privateKey: await importPKCS8(stored.privateKey, "ES256") };
});

const resign = (changes: Record<string, unknown>) =>
  signToken({ ...claimsOf(person.token), ...changes }, { key: key.privateKey, kid: key.id });

test("control: the same claims re-signed with the issuer's key are accepted", async () => {
  const response = await api("/tasks", { token: await resign({}) });
  expect(response.status, response.text).toBe(200);
});

test.each([
  ["expired", () => ({ exp: now() - 60 })],
  ["for another audience", () => ({ aud: "mobile" })],
  ["from another issuer", () => ({ iss: "http://127.0.0.1:1" })],
  ["a refresh-mode token", () => ({ mode: "refresh" })],
  ["without a user id", () => ({ properties: { email: "x@example.com" } })],
  ["not yet valid", () => ({ nbf: now() + 3600 })],
])("a correctly signed token %s is 401", async (_, changes) => {
  const token = await resign(changes());
  for (const [method, path] of [
    ["GET", "/tasks"],
    ["POST", "/tasks"],
  ] as const) {
    const response = await api(path, {
      method,
      token,
      ...(method === "POST" ? { body: { title: "x" } } : {}),
    });
    expectError(response, 401, "unauthorized");
  }
});

test("an expired token says so", async () => {
  const response = await api("/tasks", { token: await resign({ exp: now() - 60 }) });
  expect(expectError(response, 401, "unauthorized").message).toMatch(/expired/i);
});
