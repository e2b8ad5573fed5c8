/**
 * The attachment's schemas and limits: shared by core (which enforces them before
 * anything is signed), the API's route table and the web client (which refuses a
 * file before uploading it). Pure zod, so the browser bundle can import it.
 */

import { TaskId } from "../task/schema";
import * as z from "../zod";

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_TASK = 20;
/** How long a signed upload or download URL is valid. */
export const SIGNED_URL_SECONDS = 15 * 60;

/**
 * Types a browser shows or saves but never runs: images, PDF, plain text, CSV and
 * the common office formats. No HTML or SVG (a browser would execute their scripts).
 */
export const ALLOWED_CONTENT_TYPES = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "text/plain",
  "text/csv",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation",
] as const;

/**
 * The tag every upload carries until its object has been checked: the bucket's
 * lifecycle rule expires objects still tagged pending after a day, so an abandoned
 * upload goes even when no request ever comes back (the versioned bucket keeps its
 * bytes as a noncurrent version until they expire too: docs/operations.md).
 */
export const STATE_TAG = "attachment-state";

export const ATTACHMENT_STATUSES = ["pending", "uploaded", "rejected"] as const;

/** A ULID, like task ids. */
export const AttachmentId = z
  .string()
  .check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be an attachment id"));

export const ContentType = z.enum(ALLOWED_CONTENT_TYPES, {
  error: "must be an allowed type: images, PDF, plain text, CSV or an office document",
});

export const Filename = z.string().check(
  z.minLength(1, "must not be empty"),
  z.maxLength(255, "must be at most 255 characters"),
  // Path separators would let a name pose as a path; control characters break headers
  // and terminals: C0, DEL and C1 (U+0080-U+009F, e.g. NEL and CSI).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  z.refine((name) => !/[/\\\u0000-\u001f\u007f-\u009f]/.test(name), {
    message: "must not contain path separators or control characters",
  }),
  z.refine((name) => name !== "." && name !== "..", { message: "must be a file name" }),
);

export const FileSize = z
  .int("must be a whole number of bytes")
  .check(
    z.minimum(1, "must not be empty"),
    z.maximum(MAX_ATTACHMENT_BYTES, `must be at most 25 MiB (${MAX_ATTACHMENT_BYTES} bytes)`),
  );

export const CreateAttachmentInput = z.strictObject({
  filename: Filename,
  contentType: ContentType,
  size: FileSize,
});
export type CreateAttachmentInput = z.input<typeof CreateAttachmentInput>;

export const Attachment = z.object({
  attachmentId: AttachmentId,
  taskId: TaskId,
  filename: z.string(),
  contentType: z.string(),
  size: z.int(),
  status: z.enum(ATTACHMENT_STATUSES),
  createdAt: z.iso.datetime(),
  /** Set once the stored object has been checked. */
  uploadedAt: z.nullable(z.iso.datetime()),
});
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentList = z.object({ items: z.array(Attachment) });
export type AttachmentList = z.infer<typeof AttachmentList>;

/** How to send the file: one signed request, with exactly these headers. */
export const UploadInstruction = z.object({
  url: z.url(),
  method: z.literal("PUT"),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.iso.datetime(),
});
export type UploadInstruction = z.infer<typeof UploadInstruction>;

export const CreatedAttachment = z.object({ attachment: Attachment, upload: UploadInstruction });
export type CreatedAttachment = z.infer<typeof CreatedAttachment>;

export const AttachmentDownload = z.object({
  attachment: Attachment,
  download: z.nullable(z.object({ url: z.url(), expiresAt: z.iso.datetime() })),
});
export type AttachmentDownload = z.infer<typeof AttachmentDownload>;

const FIELD_LABELS: Record<string, string> = {
  filename: "The file name",
  contentType: "The file type",
  size: "The file",
};

/**
 * What the web client checks before it asks for an upload: the same limits the
 * API enforces, with the first refusal said in words.
 */
export function checkFile(file: {
  name: string;
  type: string;
  size: number;
}): { ok: true; input: z.output<typeof CreateAttachmentInput> } | { ok: false; message: string } {
  const result = CreateAttachmentInput.safeParse({
    filename: file.name,
    contentType: file.type,
    size: file.size,
  });
  if (result.success) return { ok: true, input: result.data };
  const [issue] = result.error.issues;
  const field = String(issue?.path[0] ?? "");
  return { ok: false, message: `${FIELD_LABELS[field] ?? "The file"} ${issue?.message}.` };
}
