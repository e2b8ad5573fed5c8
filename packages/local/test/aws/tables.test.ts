/** A task table kept in .local/ by older code is brought up to today's layout when the stack starts. */
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { globalIndexes } from "@taskmanager/core/table";
import { expect, inject, test } from "vitest";
import { ensureTable, ensureTasksStream, tasksTableInput } from "../../src/aws/tables";

test("a table made before lists gets the list indexes (and its stream), each active", async () => {
  const endpoint = inject("stack").dynamo;
  const name = `before-lists-${Date.now()}`;
  const input = tasksTableInput(name);
  // As the code before lists created it: gsi1-gsi4, no stream.
  const old = (input.GlobalSecondaryIndexes ?? []).filter((i) =>
    ["gsi1", "gsi2", "gsi3", "gsi4"].includes(i.IndexName as string),
  );
  await ensureTable(endpoint, {
    ...input,
    StreamSpecification: undefined,
    AttributeDefinitions: input.AttributeDefinitions?.filter((a) =>
      /^(pk|sk|gsi[1-4](pk|sk))$/.test(a.AttributeName as string),
    ),
    GlobalSecondaryIndexes: old,
  });
  await ensureTasksStream(endpoint, name);
  const client = new DynamoDBClient({ endpoint });
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.StreamSpecification?.StreamEnabled).toBe(true);
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i.IndexStatus]);
    expect(indexes.sort()).toEqual(
      Object.keys(globalIndexes)
        .map((n) => [n, "ACTIVE"])
        .sort(),
    );
    // Run again (a restart): nothing left to add.
    await ensureTasksStream(endpoint, name);
  } finally {
    client.destroy();
  }
});
