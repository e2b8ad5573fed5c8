/**
 * S3 on this machine (s3rver): the attachments bucket with its CORS rules, files
 * kept in a directory across restarts. s3rver checks neither signatures nor signed
 * conditions; the API's completion check does not rely on them.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bucketCors } from "@taskmanager/functions/routes";
import S3rver from "s3rver";

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
    port: options.port,
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
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await server.close();
      if (!options.directory) rmSync(directory, { recursive: true, force: true });
    },
  };
}
