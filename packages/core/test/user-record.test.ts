/**
 * The user record is written without ElectroDB but must stay ElectroDB's layout:
 * records written by the entity it replaced are found, and ours read back through it.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { fromEmail } from "@taskmanager/core/user";
import { Entity } from "electrodb";
import { ulid } from "ulid";
import { expect, test } from "vitest";
import { entityConfig } from "../src/electrodb";
import { CREATE_ONLY, userItem, userKey } from "../src/user/record";

/** Our string attributes as plain values, to compare with ElectroDB's params. */
const plain = (item: Record<string, AttributeValue>) =>
  Object.fromEntries(Object.entries(item).map(([name, value]) => [name, value.S]));

/** The entity users were stored with, as it was declared. */
const UserEntity = new Entity(
  {
    model: { entity: "user", version: "1", service: "taskmanager" },
    attributes: {
      email: { type: "string", required: true, readOnly: true },
      userId: { type: "string", required: true, readOnly: true },
      createdAt: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      byEmail: {
        pk: { field: "pk", composite: ["email"] },
        sk: { field: "sk", composite: [] },
      },
    },
  },
  entityConfig,
);

const email = () => `record-${ulid().toLowerCase()}@example.com`;

test("item, key and create condition are ElectroDB's, attribute for attribute", async () => {
  const record = { email: email(), userId: ulid(), createdAt: new Date().toISOString() };
  const put = UserEntity.create(record).params();
  expect(plain(userItem(record))).toEqual(put.Item);
  expect({
    ConditionExpression: put.ConditionExpression,
    ExpressionAttributeNames: put.ExpressionAttributeNames,
  }).toEqual(CREATE_ONLY);
  expect(plain(userKey(record.email))).toEqual(
    UserEntity.get({ email: record.email }).params().Key,
  );
});

test("a user ElectroDB stored is found, not created again", async () => {
  const address = email();
  const stored = await UserEntity.create({
    email: address,
    userId: ulid(),
    createdAt: new Date().toISOString(),
  }).go();
  expect(await fromEmail(address)).toEqual({ userId: stored.data.userId, email: address });
});

test("a user stored here reads back through ElectroDB", async () => {
  const address = email();
  const user = await fromEmail(address);
  const read = await UserEntity.get({ email: address }).go();
  expect(read.data).toMatchObject({ email: address, userId: user.userId });
});
