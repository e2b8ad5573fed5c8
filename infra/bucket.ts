import { STATE_TAG } from "../packages/core/src/attachment/schema";
import { bucketCors } from "../packages/functions/src/routes";
import { ATTACHMENT_LIFECYCLE } from "./constants";
import { webOrigins } from "./web-origin";

const { recoveryDays, pendingDays } = ATTACHMENT_LIFECYCLE;

/**
 * Task attachments. Browsers upload and download with signed URLs straight to
 * S3 (CORS in routes.ts: `bucketCors`). SST's Bucket blocks public access and refuses plain HTTP (`enforceHttps`, on by
 * default) by itself; the rest is said here.
 */
export const bucket = new sst.aws.Bucket("AttachmentBucket", {
  versioning: true,
  enforceHttps: true,
  cors: {
    allowOrigins: webOrigins,
    allowMethods: bucketCors.allowMethods,
    allowHeaders: bucketCors.allowHeaders,
    maxAge: `${bucketCors.maxAge} seconds`,
  },
  /**
   * A deleted attachment's bytes are gone within ATTACHMENT_LIFECYCLE.goneWithinDays
   * (infra/constants.ts). Versioning turns a DeleteObject into a delete marker and
   * keeps the bytes as a noncurrent version: restorable for `recoveryDays`, then
   * expired; the delete marker left alone after that is removed too. Uploads never
   * completed (still tagged pending) are expired after `pendingDays` and then go the
   * same way.
   *
   * SST's lifecycle rules take only a prefix and an expiry, and its transform runs
   * only when there is at least one: this rule is the seed, completed below.
   */
  lifecycle: [{ id: "remove-abandoned-pending-uploads", expiresIn: `${pendingDays} day` }],
  transform: {
    lifecycle: (args) => {
      args.rules = $output(args.rules).apply((rules) => [
        // Uploads are tagged pending until the server has checked them.
        ...(rules ?? []).map((rule) =>
          rule.id === "remove-abandoned-pending-uploads"
            ? { ...rule, filter: { tag: { key: STATE_TAG, value: "pending" } } }
            : rule,
        ),
        {
          id: "abort-incomplete-multipart-uploads",
          status: "Enabled",
          filter: {},
          abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
        },
        {
          // Deleted and overwritten files: the recovery window, then gone.
          id: "expire-noncurrent-versions",
          status: "Enabled",
          filter: {},
          noncurrentVersionExpiration: { noncurrentDays: recoveryDays },
        },
        {
          // A delete marker with no versions left behind it (S3 keeps it otherwise).
          id: "remove-expired-delete-markers",
          status: "Enabled",
          filter: {},
          expiration: { expiredObjectDeleteMarker: true },
        },
      ]);
    },
  },
});

/** Encryption at rest, said explicitly (S3's default, SSE-S3, made part of the stack). */
new aws.s3.BucketServerSideEncryptionConfiguration("AttachmentBucketEncryption", {
  bucket: bucket.name,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
});

/**
 * What handlers see as `Resource.Attachments`: the bucket's name only (linking
 * the bucket itself would grant `s3:*`); actions come from access.ts.
 */
export const attachmentsLink = new sst.Linkable("Attachments", {
  properties: { name: bucket.name },
});

export const attachmentsTarget = {
  link: attachmentsLink,
  arns: { objects: [$interpolate`${bucket.arn}/*`] },
};
