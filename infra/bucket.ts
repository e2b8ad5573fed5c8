import { STATE_TAG } from "../packages/core/src/attachment/schema";
import { bucketCors } from "../packages/functions/src/routes";
import { webOrigins } from "./web-origin";

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
  // SST's lifecycle rules take only a prefix and an expiry, and its transform runs
  // only when there is at least one: this rule is the seed, completed below.
  lifecycle: [{ id: "remove-abandoned-pending-uploads", expiresIn: "1 day" }],
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
          id: "expire-noncurrent-versions",
          status: "Enabled",
          filter: {},
          noncurrentVersionExpiration: { noncurrentDays: 30 },
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
