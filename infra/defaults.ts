import { createHash } from "node:crypto";
import { FUNCTION_DEFAULTS } from "./constants";
import { functionBundle } from "./function-bundle";

/**
 * What every function of this app gets unless it asks otherwise, applied by
 * transforms so functions created anywhere (a route, the issuer, a table's stream
 * subscriber, a component's own) are covered without going through a helper:
 * pinned runtime and architecture, explicit memory and timeout, two weeks of logs,
 * minified bundles, and a known name so monitoring can alarm on it.
 */

export interface MonitoredFunction {
  /** The component's name in the stack (e.g. "AuthIssuer"). */
  component: string;
  /** The Lambda function name, the `FunctionName` dimension of its metrics. */
  functionName: string;
}

export interface MonitoredStreamConsumer {
  component: string;
  /** The Lambda function name (never its ARN): the `FunctionName` dimension of its metrics. */
  functionName: $util.Input<string>;
  /** Where records that failed every retry go (an SQS queue or SNS topic ARN), if anywhere. */
  onFailureArn?: $util.Input<string | undefined>;
}

/**
 * Things to watch, told to whoever subscribes whenever they appear. SST creates
 * many functions inside an `apply` (a route's handler waits for the table's ARN,
 * so in a real deploy it exists only once the table does), so a list read once at
 * the end of the program would miss them: `each` also hears the late ones.
 */
class Registry<T> {
  private readonly items: T[] = [];
  private readonly listeners: ((item: T) => void)[] = [];
  add(item: T) {
    this.items.push(item);
    for (const listener of this.listeners) listener(item);
  }
  /** Calls `listener` for every item, those so far and those to come. */
  each(listener: (item: T) => void) {
    for (const item of this.items) listener(item);
    this.listeners.push(listener);
  }
}

export const monitored = {
  functions: new Registry<MonitoredFunction>(),
  streamConsumers: new Registry<MonitoredStreamConsumer>(),
};

/** `app-stage-Component`, within Lambda's 64 characters (a hash keeps long ones unique). */
export function lambdaName(component: string): string {
  const name = `${$app.name}-${$app.stage}-${component}`.replace(/[^a-zA-Z0-9-_]/g, "");
  if (name.length <= 64) return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${name.slice(0, 55)}-${hash}`;
}

type RoleTransform = NonNullable<NonNullable<sst.aws.FunctionArgs["transform"]>["role"]>;

/**
 * SST 4.17's role trusts the account root besides Lambda in every stage (its
 * `!dev` tests an Output, which is always truthy): anyone in the account allowed
 * sts:AssumeRole could act as the function. Deployed, only Lambda may assume it.
 * Under `sst dev` the role is left as SST makes it; live mode does not rely on
 * that trust either (the bridge Lambda, running with the role, sends its
 * credentials to the local worker, which does not assume the role), so this is
 * not what keeps dev working. A function's own role transform still applies,
 * after this.
 */
function lambdaOnlyTrust(own: RoleTransform | undefined): RoleTransform {
  return (roleArgs, opts, name) => {
    if (!$dev) {
      roleArgs.assumeRolePolicy = aws.iam.assumeRolePolicyForPrincipal({
        Service: "lambda.amazonaws.com",
      });
    }
    if (typeof own === "function") own(roleArgs, opts, name);
    else if (own) Object.assign(roleArgs, own);
  };
}

$transform(sst.aws.Function, (args, _opts, name) => {
  args.runtime ??= FUNCTION_DEFAULTS.runtime;
  args.architecture ??= FUNCTION_DEFAULTS.architecture;
  args.memory ??= FUNCTION_DEFAULTS.memory;
  args.timeout ??= FUNCTION_DEFAULTS.timeout;
  // A function's own logging settings win; the retention is always two weeks.
  args.logging = $output(args.logging).apply((logging) =>
    logging === false ? false : { ...logging, retention: FUNCTION_DEFAULTS.logRetention },
  );
  // Bundled as bench/ and the bundle-size check measure it (infra/function-bundle.ts).
  args.nodejs = $output(args.nodejs).apply((nodejs) => ({
    minify: true,
    ...functionBundle,
    ...nodejs,
  }));
  args.environment = $output(args.environment).apply((environment) => ({
    // A dimension of the app's own metrics (packages/functions/src/metrics.ts).
    TASKMANAGER_STAGE: $app.stage,
    ...environment,
  }));
  args.transform = { ...args.transform, role: lambdaOnlyTrust(args.transform?.role) };
  const functionName = typeof args.name === "string" ? args.name : lambdaName(name);
  args.name ??= functionName;
  monitored.functions.add({ component: name, functionName });
});

/**
 * A function's name from what a mapping is given: SST sets an event source
 * mapping's `functionName` to the function's ARN, but Lambda publishes metrics
 * under `FunctionName=<name>`; an alarm on the ARN watches a metric that never
 * exists and, with missing data not breaching, stays OK forever.
 */
export function functionNameOf(nameOrArn: string): string {
  // arn:aws:lambda:<region>:<account>:function:<name>[:<version or alias>]
  return nameOrArn.startsWith("arn:") ? (nameOrArn.split(":")[6] ?? nameOrArn) : nameOrArn;
}

/** Stream and queue subscribers: their lag and their dead letters are watched too. */
$transform(aws.lambda.EventSourceMapping, (args, _opts, name) => {
  monitored.streamConsumers.add({
    component: name,
    functionName: $output(args.functionName).apply(functionNameOf),
    onFailureArn: $output(args.destinationConfig).apply(
      (config) => config?.onFailure?.destinationArn,
    ),
  });
});
