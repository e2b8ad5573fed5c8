import { streamCleanup } from "../packages/functions/src/attachments/cleanup-subscription";
import { accessArgs } from "./access";
import { attachmentsTarget } from "./bucket";
import { CLEANUP_SIZING, CLEANUP_TIMEOUT_SECONDS } from "./constants";
import { table, tasksLink } from "./table";

/** Stream records the subscriber gave up on (after its retries), kept 14 days to inspect. */
const deadLetters = new sst.aws.Queue("TaskCleanupDeadLetters", {
  transform: { queue: { messageRetentionSeconds: 14 * 24 * 60 * 60 } },
});

const granted = accessArgs(streamCleanup.access, {
  Tasks: {
    link: tasksLink,
    // Indexes: a deleted list's tasks are found on gsi5.
    arns: { resource: [table.arn], indexes: [$interpolate`${table.arn}/index/*`] },
  },
  Attachments: attachmentsTarget,
});

/**
 * Deleting a task deletes its attachments, and deleting a list its tasks: the
 * table's stream wakes this subscriber (only for removed tasks, attachment records
 * and lists, by Lambda's event filter), which deletes what belonged to them. The
 * bucket is versioned, so a deleted object's bytes stay restorable for a while and
 * are gone within the promised days (ATTACHMENT_LIFECYCLE in infra/constants.ts,
 * rules in bucket.ts). Failures are retried from the record that failed; what
 * keeps failing goes to the dead-letter queue.
 */
table.subscribe(
  "TaskCleanup",
  {
    handler: streamCleanup.handler,
    // The largest purge, throttled, with a margin (CLEANUP_SIZING in constants.ts).
    timeout: `${CLEANUP_TIMEOUT_SECONDS} seconds`,
    link: granted.link,
    permissions: [
      ...granted.permissions,
      // Lambda sends a failed batch's description to the queue with the function's role.
      { actions: ["sqs:SendMessage"], resources: [deadLetters.arn] },
    ],
  },
  {
    filters: [streamCleanup.filter],
    transform: {
      eventSourceMapping: {
        startingPosition: "TRIM_HORIZON",
        // One record an invocation, so the timeout covers at most one purge.
        batchSize: CLEANUP_SIZING.batchSize,
        functionResponseTypes: ["ReportBatchItemFailures"],
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: 5,
        maximumRecordAgeInSeconds: 24 * 60 * 60,
        destinationConfig: { onFailure: { destinationArn: deadLetters.arn } },
      },
    },
  },
);
