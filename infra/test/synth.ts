/**
 * Runs `sst.config.ts` as `sst deploy` (or `sst dev`) would, without AWS: SST's
 * own components from `.sst/platform` under Pulumi's mock runtime, with the
 * globals SST's CLI sets (`$app`, `$dev`, `$cli`, `sst`, `aws`, `$interpolate`,
 * ...) and a stand-in for the CLI's RPC server, whose "Runtime.Build" bundles each
 * function with the options SST uses (packages/functions/build/bundle.ts). What
 * Pulumi would send to AWS is recorded: every resource's type, name, inputs and
 * resource options.
 *
 * Pulumi's runtime is process-wide state, so call `synth` once per process
 * (vitest runs each test file in a process of its own).
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleHandler } from "../../packages/functions/build/bundle";
import type { PrebuiltBundle } from "./bundles.global";

const root = path.resolve(import.meta.dirname, "../..");
const platform = path.join(root, ".sst/platform");
const platformRequire = createRequire(path.join(platform, "package.json"));

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

// Recorded inputs are whatever the components pass: loosely typed on purpose.
// biome-ignore lint/suspicious/noExplicitAny: resource inputs have every shape.
type Inputs = Record<string, any>;

export interface Recorded {
  type: string;
  name: string;
  inputs: Inputs;
  /** What the mock cloud answered: the inputs plus assigned names and ARNs. */
  state: Inputs;
  /** A lookup of something that already exists (`X.get`), not a resource this stack creates. */
  read: boolean;
  retainOnDelete?: boolean;
}

/** What SST asked its CLI to build (deploy) or to run locally (dev), per function. */
export interface FunctionTarget {
  functionID: string;
  handler: string;
  runtime: string;
  properties: Inputs;
  links: Record<string, Inputs>;
  /** The handler string Lambda is given, for deploy builds. */
  lambdaHandler?: string;
}

export interface Synth {
  stage: string;
  dev: boolean;
  app: Inputs;
  resources: Recorded[];
  targets: FunctionTarget[];
  /** What `run()` returned (the stack's outputs, as `sst deploy` prints them), resolved. */
  outputs: Inputs;
  ofType(type: string): Recorded[];
  one(type: string, name: string): Recorded;
}

type Pulumi = typeof import("../../.sst/platform/node_modules/@pulumi/pulumi");

/** Calls to the RPC server not answered yet. */
let pendingRpcs = 0;

/** The CLI's RPC methods that components call during a run. */
function startRpcServer(outRoot: string, prebuilt: PrebuiltBundle[], targets: FunctionTarget[]) {
  const record = (input: Inputs, lambdaHandler?: string) =>
    targets.push({
      functionID: input.functionID,
      handler: input.handler,
      runtime: input.runtime,
      properties: input.properties ?? {},
      links: input.links ?? {},
      lambdaHandler,
    });
  const methods: Record<string, (input: Inputs) => unknown> = {
    "Provider.Aws.Bootstrap": () => ({
      asset: "sst-asset-bucket",
      assetEcrRegistryId: ACCOUNT,
      assetEcrUrl: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/sst-asset`,
      state: "sst-state-bucket",
      appsyncHttp: "",
      appsyncRealtime: "",
    }),
    "Provider.Aws.Appsync": () => ({ http: "", realtime: "" }),
    "Runtime.AddTarget": (input) => {
      record(input);
      return null;
    },
    "Runtime.Build": async (input) => {
      // What the function's `nodejs` argument leaves out of its bundle, as SST reads it.
      const external: string[] = input.properties?.esbuild?.external ?? [];
      const splitting = input.properties?.splitting === true;
      const cached = prebuilt.find(
        (bundle) =>
          bundle.handler === input.handler &&
          bundle.splitting === splitting &&
          JSON.stringify(bundle.external) === JSON.stringify(external),
      );
      try {
        const built = cached ?? {
          ...(await bundleHandler(input.handler, {
            root,
            outdir: path.join(outRoot, input.functionID),
            external,
            splitting,
          })),
          outdir: path.join(outRoot, input.functionID),
        };
        record(input, built.lambdaHandler);
        return { handler: built.lambdaHandler, out: built.outdir, errors: [], sourcemaps: [] };
      } catch (error) {
        return { handler: "", out: outRoot, errors: [(error as Error).message], sourcemaps: [] };
      }
    },
  };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    pendingRpcs++;
    req.on("end", async () => {
      const { method, params } = JSON.parse(body);
      const run = methods[method];
      const reply = run
        ? await Promise.resolve()
            .then(() => run(params[0]))
            .then(
              (result) => ({ result }),
              (error: Error) => ({ error: error.message }),
            )
        : { error: `rpc: can't find method ${method}` };
      // One request per connection: a kept-alive socket the server times out mid-run
      // would reset the next call (ECONNRESET) on a busy machine.
      res.writeHead(200, { "content-type": "application/json", connection: "close" });
      res.end(JSON.stringify(reply));
      pendingRpcs--;
    });
  });
  return new Promise<http.Server>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(server)),
  );
}

/** Plausible cloud-assigned outputs, so components that read them carry on. */
function mockState(type: string, name: string, inputs: Inputs): Inputs {
  const physical = inputs.name ?? `${name}-mock`;
  const arn = (service: string, resource: string) =>
    `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
  const lambdaArn = arn("lambda", `function:${physical}`);
  const byType: Record<string, Inputs> = {
    "aws:dynamodb/table:Table": {
      arn: arn("dynamodb", `table/${physical}`),
      streamArn: inputs.streamEnabled
        ? arn("dynamodb", `table/${physical}/stream/2026-01-01T00:00:00.000`)
        : undefined,
    },
    "aws:lambda/function:Function": {
      arn: lambdaArn,
      invokeArn: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${lambdaArn}/invocations`,
      qualifiedArn: `${lambdaArn}:$LATEST`,
      version: "$LATEST",
    },
    "aws:lambda/functionUrl:FunctionUrl": { functionUrl: `https://${name}.lambda-url.aws/` },
    "aws:apigatewayv2/api:Api": {
      apiEndpoint: `https://${name}.execute-api.${REGION}.amazonaws.com`,
      executionArn: arn("execute-api", name),
    },
    "aws:sesv2/emailIdentity:EmailIdentity": {
      arn: arn("ses", `identity/${inputs.emailIdentity ?? name}`),
      configurationSetName: inputs.configurationSetName ?? "shared-config-set",
      dkimSigningAttributes: { tokens: ["a", "b", "c"] },
    },
    "aws:sesv2/configurationSet:ConfigurationSet": {
      configurationSetName: inputs.configurationSetName || `${name}-mock`,
      arn: arn("ses", `configuration-set/${inputs.configurationSetName || `${name}-mock`}`),
    },
    "aws:acm/certificate:Certificate": {
      domainValidationOptions: [inputs.domainName, ...(inputs.subjectAlternativeNames ?? [])].map(
        (domainName: string) => ({
          domainName,
          resourceRecordName: `_x.${domainName}.`,
          resourceRecordType: "CNAME",
          resourceRecordValue: "_y.acm-validations.aws.",
        }),
      ),
    },
    "aws:cloudfront/distribution:Distribution": { domainName: `${name}.cloudfront.net` },
    "aws:s3/bucket:Bucket": { bucket: physical, arn: `arn:aws:s3:::${physical}` },
    "aws:s3/bucketV2:BucketV2": { bucket: physical, arn: `arn:aws:s3:::${physical}` },
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
function mockCall(token: string, inputs: Inputs): Inputs {
  switch (token) {
    case "aws:index/getRegion:getRegion":
      return { name: REGION, region: REGION, id: REGION };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/mock`, userId: "mock" };
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com" };
    case "aws:iam/getPolicyDocument:getPolicyDocument":
      return { json: JSON.stringify(policyDocument(inputs)), statements: inputs.statements };
    case "aws:route53/getZone:getZone":
      return { zoneId: "Z123MOCK", name: inputs.name, id: "Z123MOCK" };
    default:
      return { id: `${token}-mock`, ...inputs };
  }
}

/** What `aws.iam.getPolicyDocument` renders, for the statement shapes SST uses. */
function policyDocument(inputs: Inputs) {
  return {
    Version: "2012-10-17",
    Statement: (inputs.statements ?? []).map((s: Inputs) => ({
      Effect: s.effect ?? "Allow",
      ...(s.actions && { Action: s.actions }),
      ...(s.resources && { Resource: s.resources }),
      ...(s.principals && {
        Principal: Object.fromEntries(s.principals.map((p: Inputs) => [p.type, p.identifiers])),
      }),
      ...(s.conditions && {
        Condition: Object.fromEntries(
          s.conditions.map((c: Inputs) => [c.test, { [c.variable]: c.values }]),
        ),
      }),
    })),
  };
}

/**
 * Outputs resolve through chains of promises (bundling, zipping) that outlive the
 * program: wait until no RPC is in flight, every function component has its
 * Lambda, and nothing new has registered for half a second.
 */
async function settle(resources: Recorded[]) {
  const complete = () =>
    pendingRpcs === 0 &&
    resources
      .filter((r) => r.type === "sst:aws:Function")
      .every((fn) =>
        resources.some(
          (r) => r.type === "aws:lambda/function:Function" && r.name === `${fn.name}Function`,
        ),
      );
  let seen = -1;
  let quiet = 0;
  while (quiet < 10 || !complete()) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (resources.length === seen) quiet++;
    else {
      quiet = 0;
      seen = resources.length;
    }
  }
}

/**
 * The site's build is a Command SST runs during a real deploy, which mocks do not
 * run; SST then reads its output folder. A missing one gets a placeholder page.
 */
function ensureSiteOutput(dir: string) {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>placeholder</title>\n");
}

export interface SynthOptions {
  env?: Record<string, string | undefined>;
  /** Bundles built once for the whole run (infra/test/bundles.global.ts). */
  prebuilt?: PrebuiltBundle[];
}

export async function synth(stage: string, options: SynthOptions = {}): Promise<Synth> {
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const pulumi = platformRequire("@pulumi/pulumi") as Pulumi;
  const resources: Recorded[] = [];
  const targets: FunctionTarget[] = [];

  // An error inside an apply() surfaces only as an unhandled rejection (and leaves
  // whatever depends on it waiting forever): the run fails on the first one.
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  process.on("unhandledRejection", fail);

  const work = mkdtempSync(path.join(tmpdir(), `synth-${stage}-`));
  const server = await startRpcServer(path.join(work, "build"), options.prebuilt ?? [], targets);
  process.env.SST_SERVER = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const dev = stage === "dev";
  if (!dev) ensureSiteOutput(path.join(root, "packages/web/dist"));

  // What SST's CLI evaluates before the program: its globals, then the config.
  const g = globalThis as Record<string, unknown>;
  // @ts-expect-error: SST's shim is plain JavaScript without types.
  const shim: Record<string, unknown> = await import("../../.sst/platform/src/shim/run.js");
  for (const [key, value] of Object.entries(shim)) g[key] = value;
  const config = (await import("../../sst.config")).default as unknown as {
    app(input: { stage: string }): Promise<Inputs>;
    run(): Promise<Inputs>;
  };
  const app = await config.app({ stage });
  // The CLI hands the `providers.aws` settings to Pulumi as the default provider's config.
  process.env.PULUMI_CONFIG = JSON.stringify(
    Object.fromEntries(
      Object.entries(app.providers?.aws ?? {}).map(([key, value]) => [
        `aws:${key}`,
        typeof value === "string" ? value : JSON.stringify(value),
      ]),
    ),
  );
  await pulumi.runtime.setMocks(
    {
      newResource: ({ type, name, inputs, id }) => {
        const state = { ...inputs, ...mockState(type, name, inputs) };
        resources.push({ type, name, inputs, state, read: id !== undefined && id !== "" });
        return { id: id || `${name}-id`, state };
      },
      call: ({ token, inputs }) => mockCall(token, inputs),
    },
    app.name,
    stage,
    false,
  );
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

  // Resource options are not shown to mocks: read them after SST's own transforms
  // (registered by `run` before the program starts), e.g. `retainOnDelete`.
  const retained = new Map<string, boolean | undefined>();
  // The program's own error is kept and rethrown here, rather than left to fail
  // Pulumi's stack, whose internal promises would then reject unhandled.
  let programError: unknown;
  let returned: Inputs = {};
  const program = async () => {
    pulumi.runtime.registerStackTransformation((args) => {
      retained.set(`${args.type}::${args.name}`, args.opts.retainOnDelete);
      return undefined;
    });
    try {
      returned = await config.run();
      return returned;
    } catch (error) {
      programError = error;
      return {};
    }
  };

  const outputs: Inputs = {};
  const stack = pulumi.runtime as unknown as {
    runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
  };
  try {
    await Promise.race([stack.runInPulumiStack(() => run(program as never)), failed]);
    if (programError) throw programError;
    await Promise.race([settle(resources), failed]);
    for (const [key, value] of Object.entries(returned)) {
      outputs[key] = await Promise.race([
        new Promise((resolve) => pulumi.output(value).apply(resolve)),
        failed,
      ]);
    }
  } finally {
    // Not closed: after a failure, calls still in flight would only add noise.
    server.unref();
    process.off("unhandledRejection", fail);
  }
  for (const resource of resources) {
    resource.retainOnDelete = retained.get(`${resource.type}::${resource.name}`);
  }

  const ofType = (type: string) => resources.filter((r) => r.type === type);
  return {
    stage,
    dev,
    app,
    resources,
    targets,
    outputs,
    ofType,
    one(type, name) {
      const found = ofType(type).filter((r) => r.name === name);
      if (found.length !== 1) throw new Error(`${found.length} ${type} named ${name}`);
      return found[0] as Recorded;
    },
  };
}
