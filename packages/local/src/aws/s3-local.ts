/**
 * S3 on this machine (s3rver): the attachments bucket with its CORS rules, files
 * kept in a directory across restarts. s3rver checks no signature, so it sits
 * behind a front that checks presigned requests and conditional writes as S3 does
 * (s3-signatures.ts); requests signed in the Authorization header (the server's
 * own) are not checked. The API's completion check does not rely on any of it.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bucketCors } from "@taskmanager/functions/routes";
import S3rver from "s3rver";
import { startSignatureFront } from "./s3-signatures";

export interface S3Local {
  endpoint: string;
  stop(): Promise<void>;
}

/** s3rver is configured in S3's own XML, as `PutBucketCors` would send it. */
function corsXml(origins: readonly string[]): string {
  const tags = (name: string, values: readonly string[]) =>
    values.map((value) => `<${name}>${value}</${name}>`).join("");
  return `<CORSConfiguration><CORSRule>${tags("AllowedOrigin", origins)}${tags("AllowedMethod", bucketCors.allowMethods)}${tags("AllowedHeader", bucketCors.allowHeaders)}<MaxAgeSeconds>${bucketCors.maxAge}</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

/** s3rver's only credentials; the whole local stack uses them (DynamoDB Local takes any). */
export const LOCAL_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3Local(options: {
  port: number;
  bucket: string;
  allowOrigins: readonly string[];
  /** Where files are kept; without it, a temporary directory removed on stop. */
  directory?: string;
}): Promise<S3Local> {
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), "taskmanager-s3-"));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory,
    configureBuckets: [
      {
        name: options.bucket,
        configs: options.allowOrigins.length ? [corsXml(options.allowOrigins)] : [],
      },
    ],
  });
  const address = await server.run();
  const front = await startSignatureFront({
    port: options.port,
    target: `http://127.0.0.1:${address.port}`,
    secrets: { [LOCAL_CREDENTIALS.accessKeyId]: LOCAL_CREDENTIALS.secretAccessKey },
  });
  return {
    endpoint: front.url,
    stop: async () => {
      await front.stop();
      await server.close();
      if (!options.directory) rmSync(directory, { recursive: true, force: true });
    },
  };
}
