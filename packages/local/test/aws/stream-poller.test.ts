/** The local stand-in for Lambda's stream mapping: its filter and the event shape it hands over. */
import { entityAttribute } from "@taskmanager/core/table";
import { cleanupFilter } from "@taskmanager/functions/attachments/cleanup-subscription";
import { expect, test } from "vitest";
import { matchesFilter } from "../../src/aws/stream-filter";
import { toLambdaRecord } from "../../src/aws/stream-poller";

const record = (eventName: "INSERT" | "MODIFY" | "REMOVE", entity?: string) => ({
  eventName,
  dynamodb: { OldImage: entity ? { [entityAttribute]: { S: entity } } : undefined },
});

test("the cleanup filter wakes only for removed tasks and attachment records", () => {
  expect(matchesFilter(cleanupFilter, record("REMOVE", "task"))).toBe(true);
  expect(matchesFilter(cleanupFilter, record("REMOVE", "attachment"))).toBe(true);
  expect(matchesFilter(cleanupFilter, record("REMOVE", "user"))).toBe(false);
  expect(matchesFilter(cleanupFilter, record("MODIFY", "task"))).toBe(false);
  expect(matchesFilter(cleanupFilter, record("INSERT"))).toBe(false);
  expect(matchesFilter(cleanupFilter, record("REMOVE"))).toBe(false);
});

test("a stream record becomes Lambda's: epoch-second dates, the source and its ARN", () => {
  const lambda = toLambdaRecord(
    {
      eventID: "e1",
      eventName: "REMOVE",
      eventVersion: "1.1",
      awsRegion: "us-east-1",
      userIdentity: { Type: "Service", PrincipalId: "dynamodb.amazonaws.com" },
      dynamodb: {
        ApproximateCreationDateTime: new Date("2026-12-01T10:00:00.500Z"),
        Keys: { pk: { S: "p" }, sk: { S: "s" } },
        OldImage: { pk: { S: "p" }, sk: { S: "s" } },
        SequenceNumber: "42",
        SizeBytes: 10,
        StreamViewType: "NEW_AND_OLD_IMAGES",
      },
    },
    "arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/x",
  );
  expect(lambda).toEqual({
    eventID: "e1",
    eventName: "REMOVE",
    eventVersion: "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: "us-east-1",
    eventSourceARN: "arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/x",
    userIdentity: { type: "Service", principalId: "dynamodb.amazonaws.com" },
    dynamodb: {
      ApproximateCreationDateTime: 1796119200,
      Keys: { pk: { S: "p" }, sk: { S: "s" } },
      OldImage: { pk: { S: "p" }, sk: { S: "s" } },
      SequenceNumber: "42",
      SizeBytes: 10,
      StreamViewType: "NEW_AND_OLD_IMAGES",
    },
  });
});
