/**
 * Runs `sst.config.ts` as `sst deploy` would, without AWS: SST's own components
 * from `.sst/platform` under Pulumi's mock runtime, with the globals SST's CLI
 * sets (`$app`, `$dev`, `$cli`, `sst`, `aws`, `$interpolate`, ...) and a stand-in
 * for the CLI's RPC server that builds each function with the same esbuild
 * options SST uses (packages/functions/build/bundle.ts). What Pulumi would send
 * to AWS is recorded: every resource's type, name and inputs.
 *
 * Pulumi's runtime is process-wide state, so call `synth` once per process
 * (vitest runs each test file in a process of its own).
 */
import { mkdtempSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleHandler } from "../../packages/functions/build/bundle";

const root = path.resolve(import.meta.dirname, "../..");
const platform = path.join(root, ".sst/platform");
const platformRequire = createRequire(path.join(platform, "package.json"));

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

export interface Recorded {
  type: string;
  name: string;
  inputs: Record<string, unknown> & { [key: string]: any };
  urn: string;
}

export interface Built {
  handler: string;
  functionID: string;
  lambdaHandler: string;
  bytes: number;
  properties: Record<string, unknown>;
}

export interface Synth {
  stage: string;
  app: Record<string, any>;
  resources: Recorded[];
  builds: Built[];
  outputs: Record<string, unknown>;
  ofType(type: string): Recorded[];
  /** Resources whose URN puts them under the component named `component`. */
  under(component: string, type?: string): Recorded[];
}

type Pulumi = typeof import("@pulumi/pulumi");

/** The CLI's RPC methods components call during a deploy. */
function startRpcServer(outRoot: string, builds: Built[]) {
  const methods: Record<string, (args: any) => Promise<unknown> | unknown> = {
    "Provider.Aws.Bootstrap": () => ({
      asset: "sst-asset-bucket",
      assetEcrRegistryId: ACCOUNT,
      assetEcrUrl: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/sst-asset`,
      state: "sst-state-bucket",
      appsyncHttp: "",
      appsyncRealtime: "",
    }),
    "Provider.Aws.Appsync": () => ({ http: "", realtime: "" }),
    "Runtime.AddTarget": () => null,
    "Runtime.Build": async (input: any) => {
      const outdir = path.join(outRoot, input.functionID);
      try {
        const result = await bundleHandler(input.handler, { root, outdir });
        builds.push({
          handler: input.handler,
          functionID: input.functionID,
          lambdaHandler: result.lambdaHandler,
          bytes: result.bytes,
          properties: input.properties ?? {},
        });
        return { handler: result.lambdaHandler, out: outdir, errors: [], sourcemaps: [] };
      } catch (error) {
        return { handler: "", out: outdir, errors: [(error as Error).message], sourcemaps: [] };
      }
    },
  };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", async () => {
      const { method, params } = JSON.parse(body);
      const run = methods[method];
      const reply = run
        ? await Promise.resolve(run(params[0])).then(
            (result) => ({ result }),
            (error: Error) => ({ error: error.message }),
          )
        : { error: `rpc: can't find method ${method}` };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(reply));
    });
  });
  return new Promise<http.Server>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(server)),
  );
}

/** Plausible cloud-assigned outputs, so components that read them keep going. */
function mockState(type: string, name: string, inputs: any): Record<string, unknown> {
  const physical = inputs.name ?? `${name}-mock`;
  const arn = (service: string, resource: string) =>
    `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
  const byType: Record<string, Record<string, unknown>> = {
    "aws:dynamodb/table:Table": {
      arn: arn("dynamodb", `table/${physical}`),
      streamArn: inputs.streamEnabled
        ? arn("dynamodb", `table/${physical}/stream/2026-01-01T00:00:00.000`)
        : undefined,
    },
    "aws:lambda/function:Function": {
      arn: arn("lambda", `function:${physical}`),
      invokeArn: `arn:aws:apigateway:${REGION}:lambda:path/functions/${arn("lambda", `function:${physical}`)}/invocations`,
      qualifiedArn: arn("lambda", `function:${physical}:$LATEST`),
      version: "$LATEST",
    },
    "aws:lambda/functionUrl:FunctionUrl": { functionUrl: `https://${name}.lambda-url.aws/` },
    "aws:apigatewayv2/api:Api": {
      apiEndpoint: `https://${name}.execute-api.${REGION}.amazonaws.com`,
      executionArn: arn("execute-api", name),
    },
    "aws:sesv2/emailIdentity:EmailIdentity": {
      arn: arn("ses", `identity/${inputs.emailIdentity}`),
      dkimSigningAttributes: { tokens: ["a", "b", "c"] },
    },
    "aws:sesv2/configurationSet:ConfigurationSet": {
      arn: arn("ses", `configuration-set/${inputs.configurationSetName}`),
    },
    "aws:cloudfront/distribution:Distribution": { domainName: `${name}.cloudfront.net` },
    "aws:s3/bucketV2:BucketV2": { bucket: physical, arn: `arn:aws:s3:::${physical}` },
    "aws:s3/bucket:Bucket": { bucket: physical, arn: `arn:aws:s3:::${physical}` },
    "aws:sqs/queue:Queue": { arn: arn("sqs", physical), url: `https://sqs/${physical}` },
    "aws:sns/topic:Topic": { arn: arn("sns", physical) },
  };
  return {
    name: physical,
    arn: arn(type.split(":")[1]?.split("/")[0] ?? "mock", physical),
    ...byType[type],
  };
}

/** Data-source calls (`aws.get*`) the components make. */
function mockCall(token: string, inputs: any): Record<string, unknown> {
  switch (token) {
    case "aws:index/getRegion:getRegion":
      return { name: REGION, region: REGION, id: REGION };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/mock`, userId: "mock" };
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com" };
    case "aws:iam/getPolicyDocument:getPolicyDocument":
      return { json: JSON.stringify(policyDocument(inputs)) };
    case "aws:route53/getZone:getZone":
      return { zoneId: "Z123MOCK", name: inputs.name, id: "Z123MOCK" };
    default:
      return { id: `${token}-mock`, ...inputs };
  }
}

/** What `aws.iam.getPolicyDocument` renders, for the statement shapes SST uses. */
function policyDocument(inputs: any) {
  return {
    Version: "2012-10-17",
    Statement: (inputs.statements ?? []).map((s: any) => ({
      Effect: s.effect ?? "Allow",
      ...(s.actions && { Action: s.actions }),
      ...(s.resources && { Resource: s.resources }),
      ...(s.principals && {
        Principal: Object.fromEntries(s.principals.map((p: any) => [p.type, p.identifiers])),
      }),
      ...(s.conditions && {
        Condition: Object.fromEntries(
          s.conditions.map((c: any) => [c.test, { [c.variable]: c.values }]),
        ),
      }),
    })),
  };
}

async function settle(pulumi: Pulumi, resources: Recorded[]) {
  // Outputs resolve through chains of promises: wait until nothing new registers.
  let seen = -1;
  let quiet = 0;
  while (quiet < 5) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (resources.length === seen) quiet++;
    else {
      quiet = 0;
      seen = resources.length;
    }
  }
  await (pulumi.runtime as unknown as { disconnect(): Promise<void> }).disconnect?.();
}

export async function synth(stage: string, env: Record<string, string | undefined> = {}) {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const pulumi = platformRequire("@pulumi/pulumi") as Pulumi;
  const resources: Recorded[] = [];
  const builds: Built[] = [];
  const errors: unknown[] = [];
  const onRejection = (error: unknown) => errors.push(error);
  process.on("unhandledRejection", onRejection);

  const work = mkdtempSync(path.join(tmpdir(), `synth-${stage}-`));
  const server = await startRpcServer(path.join(work, "build"), builds);
  const address = server.address() as { port: number };
  process.env.SST_SERVER = `http://127.0.0.1:${address.port}`;

  const dev = stage === "dev";
  await pulumi.runtime.setMocks(
    {
      newResource: ({ type, name, inputs, id }) => {
        const urn = `urn:pulumi:${stage}::taskmanager::${type}::${name}`;
        resources.push({ type, name, inputs, urn });
        return { id: id ?? `${name}-id`, state: { ...inputs, ...mockState(type, name, inputs) } };
      },
      call: ({ token, inputs }) => mockCall(token, inputs),
    },
    "taskmanager",
    stage,
    false,
  );

  // What SST's CLI evaluates before the program: its globals.
  const g = globalThis as Record<string, unknown>;
  const shim = await import("../../.sst/platform/src/shim/run.js");
  for (const [key, value] of Object.entries(shim)) g[key] = value;
  const config = (await import("../../sst.config")).default as unknown as {
    app(input: { stage: string }): Promise<Record<string, any>>;
    run(): Promise<Record<string, unknown>>;
  };
  const app = await config.app({ stage });
  g.$app = { ...app, stage, providers: app.providers ?? {} };
  g.$dev = dev;
  g.$cli = {
    command: dev ? "dev" : "deploy",
    rpc: process.env.SST_SERVER,
    paths: { home: work, root, work, platform },
    state: { version: {} },
  };
  g.aws = platformRequire("@pulumi/aws");
  g.sst = await import("../../.sst/platform/src/components/index.js");
  const { run } = await import("../../.sst/platform/src/auto/run.js");

  let outputs: Record<string, unknown> = {};
  try {
    const stackOutputs = await (
      pulumi.runtime as unknown as {
        runInPulumiStack(init: () => Promise<unknown>): Promise<Record<string, unknown>>;
      }
    ).runInPulumiStack(() => run(config.run as never));
    outputs = stackOutputs ?? {};
    await settle(pulumi, resources);
  } finally {
    server.close();
    process.off("unhandledRejection", onRejection);
  }
  if (errors.length > 0) {
    throw new AggregateError(errors, `sst.config.ts failed for stage ${stage}: ${errors.map(String).join("; ")}`);
  }

  const result: Synth = {
    stage,
    app,
    resources,
    builds,
    outputs,
    ofType: (type) => resources.filter((r) => r.type === type),
    under: (component, type) =>
      resources.filter(
        (r) => r.urn.includes(`$${component}`) || r.name.startsWith(component),
      ).filter((r) => !type || r.type === type),
  };
  return result;
}
