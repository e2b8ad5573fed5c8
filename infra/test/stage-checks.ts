/**
 * What must hold of one stage's stack, checked on the resources SST's own
 * components produce under Pulumi's mocks (synth.ts). Each stage's test file
 * calls `checkStage` with its settings and what those settings must lead to.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { MAX_ATTACHMENTS_PER_TASK, STATE_TAG } from "../../packages/core/src/attachment/schema";
import { DIGEST_CLAIM_MS } from "../../packages/core/src/digest/schema";
import { CLAIM_MS } from "../../packages/core/src/reminder/schema";
import { type Access, grantsFor, type Scope } from "../../packages/functions/src/access";
import { digestJob } from "../../packages/functions/src/digests/job";
import { reminderJob } from "../../packages/functions/src/reminders/job";
import { issuer, routes } from "../../packages/functions/src/routes";
import viteConfig from "../../packages/web/vite.config";
import {
  API_THROTTLE,
  ATTACHMENT_LIFECYCLE,
  CLEANUP_SIZING,
  CLEANUP_WORST_PURGE_MS,
  DEV_WEB_PORT,
  DEV_WEB_URL,
  FUNCTION_DEFAULTS,
  LIFECYCLE_LAG_DAYS,
} from "../constants";
import { resourceTags } from "../stage";
import { ACCOUNT, REGION, type Recorded, type Synth, synth } from "./synth";

export interface StageExpectations {
  env: Record<string, string | undefined>;
  production: boolean;
  /** The origin the web app is served from (the API's CORS and the issuer's redirects). */
  webOrigins: string[];
  mail: {
    identity: string;
    from: string;
    owner: boolean;
    sandbox: boolean;
    /** Records written by hand (AUTH_EMAIL_DNS=manual): none in Route 53. */
    manualDns?: boolean;
  };
  alarmEmail?: string;
  /** Whether the stage has the alarms and the dashboard (production, or MONITORING=true). */
  monitoring: boolean;
}

/** DynamoDB's `Operation` dimension values (the API's operation names). */
const DYNAMO_OPERATION_NAMES = [
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "Scan",
  "BatchGetItem",
  "BatchWriteItem",
  "TransactGetItems",
  "TransactWriteItems",
];

const LOG_RETENTION_DAYS = 14; // FUNCTION_DEFAULTS.logRetention, "2 weeks"

interface Statement {
  Effect: string;
  Action: string[];
  Resource: string[];
  Principal?: Record<string, string[]>;
  Condition?: Record<string, Record<string, string[]>>;
}

export function checkStage(stage: string, expected: StageExpectations) {
  let s: Synth;
  beforeAll(async () => {
    s = await synth(stage, { env: expected.env, prebuilt: inject("bundles").built });
  });

  const lambdas = () => s.ofType("aws:lambda/function:Function");
  const component = (lambda: Recorded) => lambda.name.replace(/Function$/, "");
  const target = (functionID: string) => {
    const found = s.targets.find((t) => t.functionID === functionID);
    if (!found) throw new Error(`SST never built or ran ${functionID}`);
    return found;
  };
  const policy = (functionID: string): Statement[] => {
    const [inline] = s.one("aws:iam/role:Role", `${functionID}Role`).inputs.inlinePolicies;
    return inline ? withoutLiveBridge(JSON.parse(inline.policy).Statement) : [];
  };
  /**
   * `sst dev` adds two statements of its own to every function, for its live
   * bridge (events over AppSync, code in its asset bucket); never when deployed.
   */
  const withoutLiveBridge = (statements: Statement[]) =>
    s.dev
      ? statements.filter(
          (st) =>
            !(st.Action.join() === "appsync:*" && st.Resource.join() === "*") &&
            !(
              st.Action.join() === "s3:*" &&
              st.Resource.every((r) => r.includes(":::sst-asset-bucket"))
            ),
        )
      : statements;
  const tableArn = (component: string) =>
    `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${s.one("aws:dynamodb/table:Table", `${component}Table`).inputs.name}`;
  const sesArns = () => [
    s.one("aws:sesv2/emailIdentity:EmailIdentity", "AuthEmailIdentityIdentity").state.arn,
    s.one("aws:sesv2/configurationSet:ConfigurationSet", "AuthEmailIdentityConfig").state.arn,
  ];
  /** The attachments bucket's objects (its only ARN any grant names). */
  const attachmentObjects = () =>
    `${s.one("aws:s3/bucket:Bucket", "AttachmentBucketBucket").state.arn}/*`;
  /** The statements `access` must become, with the ARNs of this stack. */
  const expectedStatements = (access: readonly Access[]) =>
    grantsFor(access, (link, scope: Scope) => {
      if (link === "Tasks") {
        return scope === "indexes" ? [`${tableArn("TaskTable")}/index/*`] : [tableArn("TaskTable")];
      }
      if (link === "AuthStorage") return [tableArn("AuthTable")];
      if (link === "Attachments") return [attachmentObjects()];
      if (link === "AuthEmail") {
        const recipients = expected.mail.sandbox
          ? [`arn:aws:ses:${REGION}:${ACCOUNT}:identity/*`]
          : [];
        return [...sesArns(), ...recipients];
      }
      throw new Error(`no ARN for ${link}`);
    }).map(({ link, actions, resources }) => ({
      Effect: "Allow",
      Action: actions,
      Resource: resources,
      ...(link === "AuthEmail" && {
        Condition: { StringEquals: { "ses:FromAddress": [expected.mail.from] } },
      }),
    }));
  const sorted = (statements: Statement[]) =>
    statements
      .map((st) => ({ ...st, Action: [...st.Action].sort(), Resource: [...st.Resource].sort() }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  describe(`stage ${stage}: the route table on the API`, () => {
    test("every route reaches the API, on a function built from its handler file and export", () => {
      const apiRoutes = s.ofType("aws:apigatewayv2/route:Route");
      expect(apiRoutes.map((r) => r.inputs.routeKey).sort()).toEqual(
        routes.map((r) => `${r.method} ${r.path}`).sort(),
      );
      for (const route of routes) {
        const apiRoute = apiRoutes.find(
          (r) => r.inputs.routeKey === `${route.method} ${route.path}`,
        );
        const prefix = apiRoute?.name.replace(/Route$/, "") ?? "";
        const lambda = s.one("aws:lambda/function:Function", `${prefix}HandlerFunction`);
        const integration = s.one(
          "aws:apigatewayv2/integration:Integration",
          `${prefix}Integration`,
        );
        expect(integration.inputs.integrationUri).toBe(
          `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${lambda.inputs.name}`,
        );
        const built = target(`${prefix}Handler`);
        expect(built.handler).toBe(route.handler);
        if (!s.dev) {
          // What Lambda calls: the bundle's file, then the handler's export.
          const [file, exportName] = built.handler.split("/").at(-1)?.split(".") ?? [];
          expect(lambda.inputs.handler).toBe(`${file}.${exportName}`);
        }
      }
      expect(target("AuthIssuer").handler).toBe(issuer.handler);
    });

    test("each route's function may do exactly what its route's access says", () => {
      for (const route of routes) {
        const apiRoute = s
          .ofType("aws:apigatewayv2/route:Route")
          .find((r) => r.inputs.routeKey === `${route.method} ${route.path}`);
        const functionID = `${apiRoute?.name.replace(/Route$/, "")}Handler`;
        expect(sorted(policy(functionID)), route.handler).toEqual(
          sorted(expectedStatements(route.access)),
        );
      }
      expect(sorted(policy("AuthIssuer"))).toEqual(sorted(expectedStatements(issuer.access)));
      // The reminder job: its items, and mail from the issuer's sender only.
      expect(sorted(policy("RemindersHandler"))).toEqual(
        sorted(expectedStatements(reminderJob.access)),
      );
      expect(target("RemindersHandler").handler).toBe(reminderJob.handler);
      // The digest job: its items, the indexes of the Today view, the same sender.
      expect(sorted(policy("DigestsHandler"))).toEqual(
        sorted(expectedStatements(digestJob.access)),
      );
      expect(target("DigestsHandler").handler).toBe(digestJob.handler);
    });

    test("the digest job runs every minute, within a day's claim", () => {
      const schedule = s.one("aws:scheduler/schedule:Schedule", "DigestsSchedule");
      expect(schedule.inputs.scheduleExpression).toBe("rate(1 minute)");
      const lambda = s.one("aws:lambda/function:Function", "DigestsHandlerFunction");
      expect(lambda.inputs.timeout * 1000).toBeLessThan(DIGEST_CLAIM_MS);
    });

    test("the reminder job runs every minute, within a reminder's claim", () => {
      const schedule = s.one("aws:scheduler/schedule:Schedule", "RemindersSchedule");
      expect(schedule.inputs.scheduleExpression).toBe("rate(1 minute)");
      const lambda = s.one("aws:lambda/function:Function", "RemindersHandlerFunction");
      expect(lambda.inputs.timeout * 1000).toBeLessThan(CLAIM_MS);
      if (expected.monitoring) {
        // A job that stops running fails nothing: its own alarm counts the runs.
        const stopped = s
          .ofType("aws:cloudwatch/metricAlarm:MetricAlarm")
          .filter(
            (a) =>
              a.inputs.metricName === "Invocations" &&
              a.inputs.dimensions?.FunctionName === lambda.inputs.name,
          );
        expect(stopped).toHaveLength(1);
        expect(stopped[0]?.inputs).toMatchObject({
          comparisonOperator: "LessThanThreshold",
          threshold: 1,
          treatMissingData: "breaching",
        });
      }
    });

    test("no role anywhere has a wildcard action, or a wildcard resource beyond the two known", () => {
      const allowedWildcards = [
        `${tableArn("TaskTable")}/index/*`,
        `arn:aws:ses:${REGION}:${ACCOUNT}:identity/*`,
        attachmentObjects(),
      ];
      for (const role of s.ofType("aws:iam/role:Role")) {
        for (const inline of role.inputs.inlinePolicies ?? []) {
          for (const statement of withoutLiveBridge(JSON.parse(inline.policy).Statement)) {
            for (const action of statement.Action) expect(action, role.name).not.toContain("*");
            for (const resource of statement.Resource) {
              if (resource.includes("*")) expect(allowedWildcards, role.name).toContain(resource);
            }
          }
        }
      }
    });

    test.runIf(stage !== "dev")("only Lambda may assume a function's role", () => {
      for (const lambda of lambdas()) {
        const role = s.one("aws:iam/role:Role", `${component(lambda)}Role`);
        const { assumeRolePolicy } = role.inputs;
        const trust = (
          typeof assumeRolePolicy === "string" ? JSON.parse(assumeRolePolicy) : assumeRolePolicy
        ).Statement as Statement[];
        expect(trust.map((st) => st.Principal)).toEqual([{ Service: "lambda.amazonaws.com" }]);
      }
    });

    test("CORS: the API and the issuer trust exactly the web app; no list holds OPTIONS", () => {
      const cors = s.one("aws:apigatewayv2/api:Api", "ApiApi").inputs.corsConfiguration;
      expect(cors.allowOrigins).toEqual(expected.webOrigins);
      expect(target("AuthIssuer").links.AuthClients?.web).toEqual(expected.webOrigins);
      // API Gateway answers preflight itself; Lambda URLs and S3 refuse OPTIONS in the list.
      const lists = [
        cors.allowMethods,
        ...s.ofType("aws:lambda/functionUrl:FunctionUrl").map((u) => u.inputs.cors?.allowMethods),
        ...s
          .ofType("aws:s3/bucketCorsConfiguration:BucketCorsConfiguration")
          .flatMap((c) =>
            c.inputs.corsRules.map((rule: Recorded["inputs"]) => rule.allowedMethods),
          ),
      ];
      for (const methods of lists) {
        expect((methods ?? []).map((m: string) => m.toUpperCase())).not.toContain("OPTIONS");
      }
    });

    test("the API's stage throttles every route and keeps its access log two weeks", () => {
      const apiStage = s.one("aws:apigatewayv2/stage:Stage", "ApiStage");
      expect(apiStage.inputs.defaultRouteSettings).toEqual({
        throttlingRateLimit: API_THROTTLE.rateLimit,
        throttlingBurstLimit: API_THROTTLE.burstLimit,
      });
      expect(s.one("aws:cloudwatch/logGroup:LogGroup", "ApiAccessLog").inputs.retentionInDays).toBe(
        LOG_RETENTION_DAYS,
      );
    });
  });

  describe(`stage ${stage}: functions`, () => {
    test("runtime, architecture, memory and timeout are pinned on every function", () => {
      expect(lambdas().length).toBeGreaterThanOrEqual(routes.length + 1);
      for (const lambda of lambdas()) {
        const built = target(component(lambda));
        // In `sst dev` the Lambda is SST's bridge; the function itself runs locally on this runtime.
        expect(built.runtime, lambda.name).toBe(FUNCTION_DEFAULTS.runtime);
        expect(built.properties.architecture, lambda.name).toBe(FUNCTION_DEFAULTS.architecture);
        expect(lambda.inputs.memorySize, lambda.name).toBeGreaterThanOrEqual(512);
        expect(lambda.inputs.timeout, lambda.name).toBeGreaterThan(0);
        // API Gateway gives up after 29 s; the export (a Function URL) and the stream's
        // subscriber are not behind it, and stay within Lambda's own 15 minutes.
        const behindApi = !/Export|Subscriber|Reminders|Digests/.test(lambda.name);
        expect(lambda.inputs.timeout, lambda.name).toBeLessThanOrEqual(behindApi ? 29 : 900);
        if (!s.dev) {
          expect(lambda.inputs.runtime).toBe(FUNCTION_DEFAULTS.runtime);
          expect(lambda.inputs.architectures).toEqual([FUNCTION_DEFAULTS.architecture]);
          expect(built.properties.minify, lambda.name).toBe(true);
        }
      }
    });

    test("the stream subscriber's timeout covers the largest purge, throttled, with a margin", () => {
      // The sizing's inputs: the attachment limit (the clients' settings are held to it
      // in packages/core/test/cleanup-sizing.test.ts).
      expect(CLEANUP_SIZING.attachments).toBe(MAX_ATTACHMENTS_PER_TASK);
      const mappings = s.ofType("aws:lambda/eventSourceMapping:EventSourceMapping");
      expect(mappings.length).toBeGreaterThan(0);
      for (const mapping of mappings) {
        expect(mapping.inputs.batchSize, mapping.name).toBe(1);
        const subscriber = lambdas().find((l) => l.state.arn === mapping.inputs.functionName);
        const timeoutMs = (subscriber?.inputs.timeout ?? 0) * 1000;
        expect(timeoutMs, mapping.name).toBeGreaterThanOrEqual(
          CLEANUP_WORST_PURGE_MS * CLEANUP_SIZING.margin,
        );
        expect(timeoutMs, mapping.name).toBeLessThanOrEqual(900_000);
      }
    });

    test("every log group keeps two weeks, and every function logs to one of them", () => {
      const groups = s.ofType("aws:cloudwatch/logGroup:LogGroup");
      for (const group of groups) expect(group.inputs.retentionInDays, group.name).toBe(14);
      const names = groups.map((g) => g.inputs.name);
      for (const lambda of lambdas()) expect(names).toContain(lambda.inputs.loggingConfig.logGroup);
    });

    test.runIf(expected.monitoring)(
      "every function has an error alarm and a throttle alarm, sent to the alarm topic",
      () => {
        const alarms = s.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
        const topic = s.one("aws:sns/topic:Topic", "Alarms");
        for (const lambda of lambdas()) {
          for (const metricName of ["Errors", "Throttles"]) {
            const found = alarms.filter(
              (a) =>
                a.inputs.metricName === metricName &&
                a.inputs.dimensions?.FunctionName === lambda.inputs.name,
            );
            expect(found, `${metricName} of ${lambda.inputs.name}`).toHaveLength(1);
          }
        }
        for (const alarm of alarms) {
          expect(alarm.inputs.alarmActions, alarm.name).toEqual([topic.state.arn]);
        }
      },
    );

    test.runIf(expected.monitoring)(
      "every stream subscriber has an iterator-age alarm, on the name Lambda publishes it under",
      () => {
        const alarms = s.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
        const mappings = s.ofType("aws:lambda/eventSourceMapping:EventSourceMapping");
        expect(mappings.length).toBeGreaterThan(0);
        for (const mapping of mappings) {
          // SST gives the mapping the function's ARN; Lambda's metrics carry its name.
          const subscriber = lambdas().find((l) => l.state.arn === mapping.inputs.functionName);
          expect(subscriber, mapping.name).toBeDefined();
          const found = alarms.filter(
            (a) =>
              a.inputs.metricName === "IteratorAge" &&
              a.inputs.dimensions?.FunctionName === subscriber?.inputs.name,
          );
          expect(found, mapping.name).toHaveLength(1);
        }
      },
    );
  });

  describe.runIf(expected.monitoring)(
    `stage ${stage}: alarm dimensions are what each service publishes`,
    () => {
      /** Every metric an alarm reads: its own, or each of its metric queries'. */
      const alarmMetrics = () =>
        s.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").flatMap((a) =>
          a.inputs.metricName
            ? [{ alarm: a.name, namespace: a.inputs.namespace, dimensions: a.inputs.dimensions }]
            : (a.inputs.metricQueries ?? [])
                .filter((q: Recorded["inputs"]) => q.metric)
                .map((q: Recorded["inputs"]) => ({
                  alarm: a.name,
                  namespace: q.metric.namespace,
                  dimensions: q.metric.dimensions,
                })),
        );

      test("names and ids, never ARNs: Lambda by FunctionName, DynamoDB by TableName, SQS by QueueName, API Gateway by ApiId", () => {
        // What each service's metrics are published under, for the resources of this stack.
        const published: Record<string, Record<string, string[]>> = {
          "AWS/Lambda": { FunctionName: lambdas().map((l) => l.inputs.name) },
          "AWS/DynamoDB": {
            TableName: s.ofType("aws:dynamodb/table:Table").map((t) => t.state.name),
            Operation: DYNAMO_OPERATION_NAMES,
          },
          "AWS/SQS": { QueueName: s.ofType("aws:sqs/queue:Queue").map((q) => q.state.name) },
          "AWS/ApiGateway": {
            // The id the mock cloud assigned the API (synth.ts: `<name>-id`).
            ApiId: ["ApiApi-id"],
            Stage: ["$default"],
          },
        };
        const metrics = alarmMetrics();
        expect(metrics.length).toBeGreaterThan(0);
        for (const { alarm, namespace, dimensions } of metrics) {
          const known = published[namespace];
          expect(known, `${alarm}: namespace ${namespace}`).toBeDefined();
          for (const [key, value] of Object.entries(dimensions ?? {})) {
            expect(String(value), `${alarm}: ${key}`).not.toMatch(/^arn:/);
            expect(known?.[key], `${alarm}: dimension ${key}`).toBeDefined();
            expect(known?.[key], `${alarm}: ${key}=${value}`).toContain(value);
          }
        }
      });
    },
  );

  test.runIf(!expected.monitoring)(
    `stage ${stage}: no alarms, alarm topic or dashboard unless asked (MONITORING=true)`,
    () => {
      expect(s.ofType("aws:cloudwatch/metricAlarm:MetricAlarm")).toEqual([]);
      expect(s.ofType("aws:sns/topic:Topic")).toEqual([]);
      expect(s.ofType("aws:cloudwatch/dashboard:Dashboard")).toEqual([]);
    },
  );

  describe.runIf(expected.monitoring)(
    `stage ${stage}: API, tables and the dashboard are watched`,
    () => {
      test("API 5xx rate and p99 latency alarms", () => {
        const alarms = s.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
        const rate = alarms.find((a) => a.name === "AlarmApi5xxRate");
        const metrics = rate?.inputs.metricQueries.filter((q: Recorded["inputs"]) => q.metric);
        expect(metrics.map((q: Recorded["inputs"]) => q.metric.metricName).sort()).toEqual([
          "5xx",
          "Count",
        ]);
        for (const q of metrics) expect(q.metric.dimensions.ApiId).toBe("ApiApi-id");
        const latency = alarms.find((a) => a.name === "AlarmApiLatencyP99");
        expect(latency?.inputs).toMatchObject({ metricName: "Latency", extendedStatistic: "p99" });
      });

      test("every table has throttled-request and system-error alarms", () => {
        const alarms = s.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
        for (const table of s.ofType("aws:dynamodb/table:Table").filter((t) => !t.read)) {
          for (const metricName of ["ThrottledRequests", "SystemErrors"]) {
            expect(
              alarms.some((a) =>
                (a.inputs.metricQueries ?? []).some(
                  (q: Recorded["inputs"]) =>
                    q.metric?.metricName === metricName &&
                    q.metric.dimensions.TableName === table.inputs.name,
                ),
              ),
              `${metricName} of ${table.name}`,
            ).toBe(true);
          }
        }
      });

      test("alarms mail the configured address", () => {
        const subscriptions = s.ofType("aws:sns/topicSubscription:TopicSubscription");
        expect(subscriptions.map((sub) => sub.inputs.endpoint)).toEqual(
          expected.alarmEmail ? [expected.alarmEmail] : [],
        );
      });

      test("one dashboard shows every function (by search) and every table", () => {
        const [dashboard] = s.ofType("aws:cloudwatch/dashboard:Dashboard");
        const body = dashboard?.inputs.dashboardBody as string;
        const widgets = JSON.parse(body).widgets as {
          properties: { title: string; metrics: unknown };
        }[];
        expect(widgets.length).toBeGreaterThanOrEqual(8);
        // A Lambda search matches names holding every one of its FunctionName tokens.
        const searchTokens = (metricName: string) => {
          const expression = JSON.stringify(widgets.map((w) => w.properties.metrics)).match(
            new RegExp(
              `SEARCH\\('\\{AWS/Lambda,FunctionName\\} MetricName=\\\\"${metricName}\\\\"([^']*)'`,
            ),
          )?.[1];
          return [...(expression ?? "").matchAll(/FunctionName=(\S+)/g)].map((m) => m[1]);
        };
        for (const metricName of ["Errors", "Throttles", "IteratorAge"]) {
          const tokens = searchTokens(metricName);
          expect(tokens, metricName).toEqual(["taskmanager", stage]);
          for (const lambda of lambdas()) {
            const nameTokens = (lambda.inputs.name as string).split(/[^A-Za-z0-9]+/);
            for (const token of tokens) expect(nameTokens, lambda.inputs.name).toContain(token);
          }
        }
        for (const table of s.ofType("aws:dynamodb/table:Table")) {
          expect(body).toContain(`"${table.inputs.name}"`);
        }
      });
    },
  );

  describe(`stage ${stage}: data`, () => {
    test(
      expected.production
        ? "tables are retained, refuse deletion and keep point-in-time recovery; the stack is protected"
        : "tables go with the stage",
      () => {
        expect(s.app.removal).toBe(expected.production ? "retain" : "remove");
        expect(s.app.protect).toBe(expected.production);
        const tables = s.ofType("aws:dynamodb/table:Table");
        expect(tables.map((t) => t.name).sort()).toEqual(
          expect.arrayContaining(["AuthTableTable", "TaskTableTable"]),
        );
        for (const table of tables) {
          expect(table.inputs.deletionProtectionEnabled, table.name).toBe(expected.production);
          expect(Boolean(table.retainOnDelete), table.name).toBe(expected.production);
          if (expected.production)
            expect(table.inputs.pointInTimeRecovery).toEqual({ enabled: true });
        }
      },
    );

    test("every bucket is versioned", () => {
      const versioning = s.ofType("aws:s3/bucketVersioning:BucketVersioning");
      for (const bucket of [
        ...s.ofType("aws:s3/bucket:Bucket"),
        ...s.ofType("aws:s3/bucketV2:BucketV2"),
      ]) {
        expect(
          versioning.find((v) => v.inputs.bucket === bucket.state.bucket)?.inputs
            .versioningConfiguration,
          bucket.name,
        ).toEqual({ status: "Enabled" });
      }
    });
  });

  describe(`stage ${stage}: linked URLs`, () => {
    test("the issuer's URL has no trailing slash in the link, the web build and the outputs", () => {
      // AWS's shape, as the mock gives it: a Function URL ends with "/".
      const functionUrl: string = s.one("aws:lambda/functionUrl:FunctionUrl", "AuthIssuerUrl").state
        .functionUrl;
      expect(functionUrl).toMatch(/[^/]\/$/);
      const issuerUrl = functionUrl.slice(0, -1);
      // OpenAuth's client and verify.ts join it as `issuer + "/authorize"`.
      expect(new URL(`${issuerUrl}/authorize`).pathname).toBe("/authorize");

      const linked = s.targets.filter((t) => t.links.Auth);
      expect(linked.length).toBeGreaterThan(0);
      for (const t of linked) expect(t.links.Auth?.url, t.functionID).toBe(issuerUrl);
      expect(s.outputs.auth).toBe(issuerUrl);
      if (!s.dev) {
        // `sst dev` runs Vite itself with these variables; deployed, this command builds the site.
        const build = s.one("command:local:Command", "WebAppBuilder");
        expect(build.inputs.environment.VITE_AUTH_URL).toBe(issuerUrl);
      }
    });
  });

  test(`stage ${stage}: the web build gets every VITE_ variable the app reads, and deploy.md's sst dev section names each`, () => {
    const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
    const names = [...read("packages/web/src/vite-env.d.ts").matchAll(/readonly (VITE_\w+)/g)].map(
      (m) => m[1],
    );
    expect(names.length).toBeGreaterThan(0);
    if (!s.dev) {
      // `sst dev` runs Vite with the same variables; deployed, this command builds the site.
      const build = s.one("command:local:Command", "WebAppBuilder");
      expect(Object.keys(build.inputs.environment).sort()).toEqual(
        expect.arrayContaining([...names].sort()),
      );
    }
    const devSection = read("docs/deploy.md").split("## `sst dev`")[1]?.split("\n## ")[0] ?? "";
    for (const name of names) expect(devSection, name).toContain(name);
  });

  describe(`stage ${stage}: deleted files`, () => {
    const { goneWithinDays, recoveryDays, pendingDays } = ATTACHMENT_LIFECYCLE;
    test(`a deleted attachment's bytes are gone within ${goneWithinDays} days: the bucket's lifecycle rules make it so`, () => {
      const bucket = s.one("aws:s3/bucket:Bucket", "AttachmentBucketBucket");
      const lifecycles = s
        .ofType("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")
        .filter((l) => l.inputs.bucket === bucket.state.bucket);
      expect(lifecycles).toHaveLength(1);
      const rules: Recorded["inputs"][] = lifecycles[0]?.inputs.rules ?? [];
      for (const rule of rules) expect(rule.status, rule.id).toBe("Enabled");
      const everyObject = (rule: Recorded["inputs"]) => Object.keys(rule.filter ?? {}).length === 0;

      // A delete leaves the bytes as a noncurrent version: kept for the recovery window only,
      // however many versions there are.
      const noncurrent = rules.filter((r) => everyObject(r) && r.noncurrentVersionExpiration);
      expect(noncurrent).toHaveLength(1);
      expect(noncurrent[0]?.noncurrentVersionExpiration).toEqual({ noncurrentDays: recoveryDays });
      // Then the delete marker, alone, goes too.
      expect(
        rules.some((r) => everyObject(r) && r.expiration?.expiredObjectDeleteMarker === true),
      ).toBe(true);
      // Uploads never completed are expired (made noncurrent) after pendingDays.
      const pending = rules.filter(
        (r) => r.filter?.tag?.key === STATE_TAG && r.filter.tag.value === "pending",
      );
      expect(pending.map((r) => r.expiration?.days)).toEqual([pendingDays]);
      expect(
        rules.some((r) => everyObject(r) && r.abortIncompleteMultipartUpload?.daysAfterInitiation),
      ).toBe(true);

      // The worst case, an abandoned upload: each step rounded up to midnight UTC by S3,
      // then S3's asynchronous removal.
      const worstCase = pendingDays + 1 + recoveryDays + 1 + LIFECYCLE_LAG_DAYS;
      expect(worstCase).toBeLessThanOrEqual(goneWithinDays);
    });
  });

  describe(`stage ${stage}: mail, web and tags`, () => {
    test("verification codes are mailed from the explicit from-address", () => {
      const link = target("AuthIssuer").links.AuthEmail;
      expect(link?.from).toBe(expected.mail.from);
      expect(link?.configSet).toBeTruthy();
      const identity = s.one("aws:sesv2/emailIdentity:EmailIdentity", "AuthEmailIdentityIdentity");
      // Only the owning stage creates the account-wide identity; others look it up.
      expect(identity.read).toBe(!expected.mail.owner);
      if (expected.mail.owner) expect(identity.inputs.emailIdentity).toBe(expected.mail.identity);
      const records = s
        .ofType("aws:route53/record:Record")
        .filter((r) => r.name.startsWith("AuthEmailIdentity"));
      const dkim = records.filter((r) => r.name.startsWith("AuthEmailIdentityCNAMERecord"));
      const isDomain = !expected.mail.identity.includes("@");
      const inRoute53 = expected.mail.owner && isDomain && !expected.mail.manualDns;
      expect(dkim).toHaveLength(inRoute53 ? 3 : 0);
      if (!inRoute53) expect(records).toEqual([]);
      // The deploy waits for SES to verify a domain it creates, whoever wrote the records.
      expect(
        s.ofType("aws:ses/domainIdentityVerification:DomainIdentityVerification"),
      ).toHaveLength(expected.mail.owner && isDomain ? 1 : 0);
    });

    test(
      stage === "dev"
        ? "sst dev: no CloudFront for the site, which Vite serves on the one trusted port"
        : "the site is served through CloudFront",
      () => {
        const distributions = s.ofType("aws:cloudfront/distribution:Distribution");
        if (stage === "dev") {
          expect(distributions).toEqual([]);
          expect(s.resources.filter((r) => r.type === "sst:aws:Router")).toEqual([]);
          expect(expected.webOrigins).toContain(DEV_WEB_URL);
          expect(viteConfig.server).toMatchObject({ port: DEV_WEB_PORT, strictPort: true });
        } else {
          expect(distributions).toHaveLength(1);
        }
      },
    );

    test("the AWS provider tags every resource with app, stage and cost-center", () => {
      expect(s.app.providers.aws.defaultTags.tags).toEqual(resourceTags("taskmanager", stage));
      expect(Object.keys(s.app.providers.aws.defaultTags.tags).sort()).toEqual([
        "app",
        "cost-center",
        "stage",
      ]);
      // Providers SST makes for other regions (CloudFront's certificate) carry them too.
      for (const provider of s.ofType("pulumi:providers:aws")) {
        const { defaultTags } = provider.inputs;
        const tags = typeof defaultTags === "string" ? JSON.parse(defaultTags) : defaultTags;
        expect(tags.tags).toEqual(resourceTags("taskmanager", stage));
      }
    });
  });
}
