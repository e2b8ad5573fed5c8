/**
 * The attachments bucket: signed requests for the browser, and the few object
 * operations the server does itself. Locally the endpoint comes from the
 * environment (AWS_ENDPOINT_URL_S3), so this code is the same as in AWS.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { Resource } from "sst";
import { hasCause } from "../error";
import { SIGNED_URL_SECONDS, STATE_TAG } from "./schema";

export const PENDING_TAGGING = `${STATE_TAG}=pending`;

/**
 * How long one S3 call may take: up to ATTEMPTS attempts of at most
 * REQUEST_TIMEOUT_MS each, with the SDK's backoff between them. The stream
 * subscriber's timeout is sized from these (infra/constants.ts).
 */
export const S3_TIME = {
  ATTEMPTS: 3,
  CONNECTION_TIMEOUT_MS: 1_000,
  REQUEST_TIMEOUT_MS: 5_000,
} as const;

const s3 = new S3Client({
  maxAttempts: S3_TIME.ATTEMPTS,
  // A local S3 endpoint is an address, not a domain that could carry the bucket's name.
  forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
  // The SDK's default would sign a checksum of the (empty) body into upload URLs.
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
  requestHandler: {
    connectionTimeout: S3_TIME.CONNECTION_TIMEOUT_MS,
    requestTimeout: S3_TIME.REQUEST_TIMEOUT_MS,
    throwOnRequestTimeout: true,
  },
});

const bucket = () => Resource.Attachments.name;

export interface SignedRequest {
  url: string;
  headers: Record<string, string>;
  expiresAt: string;
}

const expiresAt = () => new Date(Date.now() + SIGNED_URL_SECONDS * 1000).toISOString();

/**
 * A PUT whose signature covers the content type, the exact length and the pending
 * tag: S3 refuses any other file. (The browser sets Content-Length itself.)
 *
 * Single use: the signed `If-None-Match: *` makes S3 refuse (412) a PUT onto a key
 * that already holds an object, so the URL cannot be replayed within its 15
 * minutes to replace a completed file (which would also re-tag it pending, for the
 * lifecycle rule to delete). Dropping the header breaks the signature.
 */
export async function signUpload(key: string, contentType: string, size: number) {
  const url = await getSignedUrl(
    s3,
    new PutObjectCommand({
      Bucket: bucket(),
      Key: key,
      ContentType: contentType,
      ContentLength: size,
      Tagging: PENDING_TAGGING,
      IfNoneMatch: "*",
    }),
    {
      expiresIn: SIGNED_URL_SECONDS,
      signableHeaders: new Set(["content-type", "content-length", "if-none-match"]),
      // Kept a header (signed), not moved into the query string.
      unhoistableHeaders: new Set(["x-amz-tagging"]),
    },
  );
  return {
    url,
    headers: {
      "content-type": contentType,
      "x-amz-tagging": PENDING_TAGGING,
      "if-none-match": "*",
    },
    expiresAt: expiresAt(),
  } satisfies SignedRequest;
}

/** `attachment; filename="…"` with an ASCII fallback and the exact name in RFC 5987 form. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A GET that makes the browser save the file under its name, never render it. */
export async function signDownload(key: string, filename: string, contentType: string) {
  const url = await getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket: bucket(),
      Key: key,
      ResponseContentDisposition: contentDisposition(filename),
      ResponseContentType: contentType,
    }),
    { expiresIn: SIGNED_URL_SECONDS },
  );
  return { url, expiresAt: expiresAt() };
}

/**
 * The stored object's size and type, or null when nothing is stored under `key`.
 *
 * S3 answers a missing key with 404 only to a caller that may `s3:ListBucket` the
 * bucket; to anyone else it answers 403 (and a HEAD has no body, so no error
 * code: only the status says it). The functions that call this are granted
 * `s3:GetObject` on the objects and nothing on the bucket, so here 403 means
 * "not uploaded". (s3rver always answers 404; test/attachment-storage-403.test.ts
 * puts S3's 403 in front of it.)
 *
 * Chosen over granting `s3:ListBucket`: IAM cannot scope that grant to the one
 * task being completed (a role's policy is static; the narrowest form is an
 * `s3:prefix` condition covering every user's keys), so the function would gain
 * a listing of every user's attachments to answer a yes/no about one object;
 * and whether a prefix-conditioned grant even turns the HEAD's 403 into a 404 is
 * IAM's business, which nothing here can show. The cost: a role that lost
 * `s3:GetObject` would read as "not uploaded" rather than fail loudly, which the
 * infra tests guard against (each function's policy equals its declared access)
 * and which would break every download just as visibly.
 */
export async function headObject(key: string) {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? "" };
  } catch (error) {
    if (hasCause(error, ["NotFound", "NoSuchKey"]) || isForbidden(error)) return null;
    throw error;
  }
}

/** A 403 from S3, whatever the SDK names it (a HEAD's carries no code). */
function isForbidden(error: unknown): boolean {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 403;
}

/** Marks a checked object as kept, so the lifecycle rule for pending uploads spares it. */
export async function markUploaded(key: string): Promise<void> {
  await s3.send(
    new PutObjectTaggingCommand({
      Bucket: bucket(),
      Key: key,
      Tagging: { TagSet: [{ Key: STATE_TAG, Value: "uploaded" }] },
    }),
  );
}

/** Deletes the object; deleting one that is not there succeeds (S3's own semantics). */
export async function deleteObject(key: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}
