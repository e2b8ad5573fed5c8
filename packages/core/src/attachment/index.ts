/**
 * The Attachment domain: files attached to a person's task. The record lives in
 * the task's item collection; the file goes straight from the browser to the
 * bucket with a signed request, and is accepted only after the server has checked
 * the stored object itself. Knows nothing of HTTP or Lambda.
 */
import { monotonicFactory } from "ulid";
import { isConditionFailure, parseInput, VisibleError } from "../error";
import { service } from "../service";
import { TaskEntity } from "../task/entity";
import { AttachmentEntity, type AttachmentItem } from "./entity";
import {
  type Attachment,
  type AttachmentDownload,
  AttachmentId,
  type AttachmentList,
  CreateAttachmentInput,
  type CreatedAttachment,
  MAX_ATTACHMENTS_PER_TASK,
  SIGNED_URL_SECONDS,
} from "./schema";
import * as Storage from "./storage";

const newAttachmentId = monotonicFactory();

/**
 * How long an unfinished upload's record lives (the table's TTL): past the signed
 * URL's expiry, with room for a slow upload to be completed. DynamoDB removes it
 * some time after (the stream then frees its place and deletes its object); until
 * then reads treat it as gone.
 */
const PENDING_RECORD_SECONDS = SIGNED_URL_SECONDS + 60 * 60;

const taskNotFound = () => new VisibleError("not_found", "Task not found");
const attachmentNotFound = () => new VisibleError("not_found", "Attachment not found");

/** Where a file is stored: generated here, under the owner's and the task's prefix. */
export const objectKeyOf = (userId: string, taskId: string, attachmentId: string) =>
  `${userId}/${taskId}/${attachmentId}`;

function toAttachment(item: AttachmentItem): Attachment {
  return {
    attachmentId: item.attachmentId,
    taskId: item.taskId,
    filename: item.filename,
    contentType: item.contentType,
    size: item.size,
    status: item.status,
    createdAt: item.createdAt,
    uploadedAt: item.uploadedAt ?? null,
  };
}

/** An unfinished upload whose record has outlived its TTL (DynamoDB removes it lazily). */
const isExpired = (item: AttachmentItem, now = Date.now()) =>
  item.expiresAt !== undefined && item.expiresAt * 1000 <= now;

function checkedAttachmentId(attachmentId: string): string {
  const parsed = AttachmentId.safeParse(attachmentId);
  if (!parsed.success) throw attachmentNotFound();
  return parsed.data;
}

/** The task's live attachments, or not_found when the task is not the caller's. */
async function readTask(userId: string, taskId: string): Promise<AttachmentItem[]> {
  const { data } = await service.collections.task({ userId, taskId }).go({ pages: "all" });
  if (data.task.length === 0) throw taskNotFound();
  return data.attachment.filter((item) => !isExpired(item));
}

async function readAttachment(userId: string, taskId: string, attachmentId: string) {
  const id = checkedAttachmentId(attachmentId);
  const found = (await readTask(userId, taskId)).find((item) => item.attachmentId === id);
  if (!found) throw attachmentNotFound();
  return found;
}

/** The attachment record and the task's id set, written together or not at all. */
async function insert(item: AttachmentItem): Promise<boolean> {
  const { userId, taskId, attachmentId } = item;
  const result = await service.transaction
    .write(({ task, attachment }) => [
      attachment.create(item).commit(),
      task
        .patch({ userId, taskId })
        .add({ attachmentIds: [attachmentId] })
        // The limit is a number compared to the set's size; ElectroDB types values as the attribute's.
        .where(
          (a, op) =>
            `(${op.notExists(a.attachmentIds)} OR ${op.size(a.attachmentIds)} < ${op.value(a.attachmentIds, MAX_ATTACHMENTS_PER_TASK as unknown as string[])})`,
        )
        .commit(),
    ])
    .go();
  return !result.canceled;
}

/** Deletes a record with its id in the task's set; false when it was already gone. */
async function forget(userId: string, taskId: string, attachmentId: string): Promise<boolean> {
  const result = await service.transaction
    .write(({ task, attachment }) => [
      attachment
        .delete({ userId, taskId, attachmentId })
        .where((a, op) => op.exists(a.attachmentId))
        .commit(),
      task
        .patch({ userId, taskId })
        .delete({ attachmentIds: [attachmentId] })
        .commit(),
    ])
    .go();
  return !result.canceled;
}

/**
 * Every attachment record stored under a task, whatever its status and whether
 * or not the task still exists (the cleanup after a deleted task reads these).
 */
export async function recordsOfTask(userId: string, taskId: string): Promise<AttachmentItem[]> {
  const { data } = await AttachmentEntity.query.byTask({ userId, taskId }).go({ pages: "all" });
  return data;
}

export async function create(
  userId: string,
  taskId: string,
  input: unknown,
): Promise<CreatedAttachment> {
  const { filename, contentType, size } = parseInput(CreateAttachmentInput, input);
  const attachmentId = newAttachmentId();
  const now = Date.now();
  const item: AttachmentItem = {
    userId,
    taskId,
    attachmentId,
    filename,
    contentType,
    size,
    objectKey: objectKeyOf(userId, taskId, attachmentId),
    status: "pending",
    createdAt: new Date(now).toISOString(),
    expiresAt: Math.ceil(now / 1000) + PENDING_RECORD_SECONDS,
  };
  // A refusal is either a missing task or a full one. (An expired upload gives its
  // place back when its record's TTL removes it: see `afterRemoved`.)
  if (!(await insert(item))) {
    const task = await TaskEntity.get({ userId, taskId }).go();
    if (!task.data) throw taskNotFound();
    throw new VisibleError(
      "validation_failed",
      `A task can have at most ${MAX_ATTACHMENTS_PER_TASK} attachments.`,
      [{ path: "attachments", message: `at most ${MAX_ATTACHMENTS_PER_TASK} a task` }],
    );
  }
  const upload = await Storage.signUpload(item.objectKey, contentType, size);
  return { attachment: toAttachment(item), upload: { method: "PUT", ...upload } };
}

/**
 * Accepts the upload only if the stored object is what was declared. The check
 * trusts nothing the storage may or may not have enforced.
 */
export async function complete(
  userId: string,
  taskId: string,
  attachmentId: string,
): Promise<Attachment> {
  const item = await readAttachment(userId, taskId, attachmentId);
  if (item.status === "uploaded") return toAttachment(item);
  if (item.status === "rejected") {
    throw new VisibleError(
      "validation_failed",
      "This upload was rejected; delete it and upload again.",
    );
  }
  const stored = await Storage.headObject(item.objectKey);
  if (!stored) {
    throw new VisibleError(
      "validation_failed",
      "No file has been uploaded for this attachment yet.",
      [{ path: "file", message: "not uploaded" }],
    );
  }
  const mismatches = [
    ...(stored.size !== item.size
      ? [{ path: "size", message: `declared ${item.size} bytes, stored ${stored.size}` }]
      : []),
    ...(stored.contentType !== item.contentType
      ? [
          {
            path: "contentType",
            message: `declared ${item.contentType}, stored ${stored.contentType || "none"}`,
          },
        ]
      : []),
  ];
  const key = { userId, taskId, attachmentId: item.attachmentId };
  if (mismatches.length > 0) {
    await Storage.deleteObject(item.objectKey);
    await AttachmentEntity.patch(key)
      .set({ status: "rejected" })
      .where((a, op) => op.eq(a.status, "pending"))
      .go();
    throw new VisibleError(
      "validation_failed",
      "The uploaded file is not the one declared; it was deleted.",
      mismatches,
    );
  }
  await Storage.markUploaded(item.objectKey);
  const result = await AttachmentEntity.patch(key)
    .set({ status: "uploaded", uploadedAt: new Date().toISOString() })
    .remove(["expiresAt"])
    .go({ response: "all_new" });
  return toAttachment(result.data);
}

export async function list(userId: string, taskId: string): Promise<AttachmentList> {
  return { items: (await readTask(userId, taskId)).map(toAttachment) };
}

/** The record, with a signed download once the file has been accepted. */
export async function get(
  userId: string,
  taskId: string,
  attachmentId: string,
): Promise<AttachmentDownload> {
  const item = await readAttachment(userId, taskId, attachmentId);
  return {
    attachment: toAttachment(item),
    download:
      item.status === "uploaded"
        ? await Storage.signDownload(item.objectKey, item.filename, item.contentType)
        : null,
  };
}

export async function remove(userId: string, taskId: string, attachmentId: string): Promise<void> {
  const item = await readAttachment(userId, taskId, attachmentId);
  if (!(await forget(userId, taskId, item.attachmentId))) throw attachmentNotFound();
  // The stream deletes the object of every removed record too; this makes it immediate.
  await Storage.deleteObject(item.objectKey);
}

/**
 * After a task is deleted: its attachments' objects, then their records. Safe to
 * run any number of times (the stream may deliver a record more than once).
 */
export async function purgeTask(userId: string, taskId: string): Promise<number> {
  const data = await recordsOfTask(userId, taskId);
  for (const item of data) await Storage.deleteObject(item.objectKey);
  if (data.length > 0) {
    await AttachmentEntity.delete(
      data.map(({ userId: owner, taskId: task, attachmentId }) => ({
        userId: owner,
        taskId: task,
        attachmentId,
      })),
    ).go();
  }
  return data.length;
}

/**
 * After an attachment record is removed (by a request, a purge or its TTL): its
 * object goes too, and a record that expired gives its place on the task back.
 * Idempotent: deleting a missing object and removing a missing id change nothing.
 */
export async function afterRemoved(
  removed: { userId: string; taskId: string; attachmentId: string; objectKey: string },
  expired: boolean,
): Promise<void> {
  await Storage.deleteObject(removed.objectKey);
  if (!expired) return;
  try {
    await TaskEntity.patch({ userId: removed.userId, taskId: removed.taskId })
      .delete({ attachmentIds: [removed.attachmentId] })
      .go();
  } catch (error) {
    // The task is gone too: nothing to give back.
    if (!isConditionFailure(error)) throw error;
  }
}
