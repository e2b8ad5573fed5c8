/**
 * Alarms and one dashboard over everything created before this module (it is
 * imported last by sst.config.ts): every function infra/defaults.ts saw, every
 * stream subscriber, the API and the tables. docs/operations.md says what each
 * alarm means and what to do when it fires.
 */
import { METRIC_NAMES, METRICS_NAMESPACE } from "../packages/functions/src/metrics";
import { api } from "./api";
import { storage } from "./auth";
import { alarmEmail } from "./config";
import { monitored } from "./defaults";
import { reminderCron } from "./reminders";
import { table } from "./table";

const FIVE_MINUTES = 300;
const region = aws.getRegionOutput().region;

/** Where alarms go: an SNS topic with the on-call address subscribed (ALARM_EMAIL). */
export const alarmTopic = new aws.sns.Topic("Alarms");
const email = alarmEmail();
if (email) {
  new aws.sns.TopicSubscription("AlarmsEmail", {
    topic: alarmTopic.arn,
    protocol: "email",
    endpoint: email,
  });
}

type AlarmArgs = Omit<aws.cloudwatch.MetricAlarmArgs, "alarmActions" | "okActions">;

/** An alarm that mails on entering and leaving ALARM; no data is not a failure. */
function alarm(name: string, args: AlarmArgs) {
  return new aws.cloudwatch.MetricAlarm(`Alarm${name}`, {
    treatMissingData: "notBreaching",
    ...args,
    alarmActions: [alarmTopic.arn],
    okActions: [alarmTopic.arn],
  });
}

const metric = (
  id: string,
  namespace: string,
  metricName: string,
  dimensions: Record<string, $util.Input<string>>,
  stat = "Sum",
): aws.types.input.cloudwatch.MetricAlarmMetricQuery => ({
  id,
  returnData: false,
  metric: { namespace, metricName, dimensions, stat, period: FIVE_MINUTES },
});

// --- API Gateway -----------------------------------------------------------
const apiDimensions = { ApiId: api.nodes.api.id, Stage: "$default" };

alarm("Api5xxRate", {
  alarmDescription:
    "More than 5% of API requests answered 5xx for 10 minutes (with at least 20 requests in each 5).",
  comparisonOperator: "GreaterThanThreshold",
  threshold: 5,
  evaluationPeriods: 2,
  datapointsToAlarm: 2,
  metricQueries: [
    metric("errors", "AWS/ApiGateway", "5xx", apiDimensions),
    metric("requests", "AWS/ApiGateway", "Count", apiDimensions),
    {
      id: "rate",
      label: "5xx %",
      expression: "IF(requests >= 20, 100 * errors / requests, 0)",
      returnData: true,
    },
  ],
});

alarm("ApiLatencyP99", {
  alarmDescription: "The API's p99 latency has been above 3 s for 15 minutes.",
  namespace: "AWS/ApiGateway",
  metricName: "Latency",
  dimensions: apiDimensions,
  extendedStatistic: "p99",
  period: FIVE_MINUTES,
  evaluationPeriods: 3,
  datapointsToAlarm: 3,
  comparisonOperator: "GreaterThanThreshold",
  threshold: 3000,
});

// --- Lambda: every function --------------------------------------------------
/** Any count of these in 5 minutes is worth a look: handlers map their own errors. */
const LAMBDA_FAILURES = {
  Errors: "failed (uncaught error, crash or timeout)",
  Throttles: "was throttled (account or reserved concurrency reached)",
};
// Alarmed as each function appears, however late (see Registry in defaults.ts).
monitored.functions.each(({ component, functionName }) => {
  for (const [metricName, what] of Object.entries(LAMBDA_FAILURES)) {
    alarm(`${component}${metricName}`, {
      alarmDescription: `${functionName} ${what} in the last 5 minutes.`,
      namespace: "AWS/Lambda",
      metricName,
      dimensions: { FunctionName: functionName },
      statistic: "Sum",
      period: FIVE_MINUTES,
      evaluationPeriods: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
    });
  }
});

// --- The reminder job ---------------------------------------------------------
// Its failures are the Errors alarm above (a run that could not send throws). A job
// that stops running fails nothing: that is this alarm, on runs that did not happen.
alarm("RemindersNotRunning", {
  alarmDescription:
    "The reminder job (every minute) has not run for 15 minutes: reminders are waiting (they go out late, marked so, when it runs again within 24 hours).",
  namespace: "AWS/Lambda",
  metricName: "Invocations",
  dimensions: { FunctionName: reminderCron.nodes.function.name },
  statistic: "Sum",
  period: FIVE_MINUTES,
  evaluationPeriods: 3,
  datapointsToAlarm: 3,
  comparisonOperator: "LessThanThreshold",
  threshold: 1,
  treatMissingData: "breaching",
});

// --- DynamoDB: both tables -----------------------------------------------------
/** The operations the app's code and OpenAuth use (an alarm takes at most 10 metrics). */
const DYNAMO_OPERATIONS = [
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "BatchGetItem",
  "BatchWriteItem",
  "TransactWriteItems",
];

function perOperationAlarm(name: string, tableName: $util.Input<string>, metricName: string) {
  alarm(name, {
    alarmDescription: `DynamoDB reported ${metricName} on a table in the last 5 minutes.`,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    threshold: 1,
    evaluationPeriods: 1,
    metricQueries: [
      ...DYNAMO_OPERATIONS.map((operation, index) =>
        metric(`m${index}`, "AWS/DynamoDB", metricName, {
          TableName: tableName,
          Operation: operation,
        }),
      ),
      { id: "total", label: metricName, expression: "SUM(FILL(METRICS(), 0))", returnData: true },
    ],
  });
}

const tables = [
  { component: "TaskTable", name: table.name },
  { component: "AuthTable", name: storage.name },
];
for (const { component, name } of tables) {
  perOperationAlarm(`${component}Throttles`, name, "ThrottledRequests");
  perOperationAlarm(`${component}SystemErrors`, name, "SystemErrors");
}

// --- Stream and queue subscribers ------------------------------------------------
monitored.streamConsumers.each((consumer) => {
  alarm(`${consumer.component}IteratorAge`, {
    alarmDescription: "A stream subscriber has been more than a minute behind for 15 minutes.",
    namespace: "AWS/Lambda",
    metricName: "IteratorAge",
    dimensions: { FunctionName: consumer.functionName },
    statistic: "Maximum",
    period: FIVE_MINUTES,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    comparisonOperator: "GreaterThanThreshold",
    threshold: 60_000,
  });
  // The failure destination is only known once resolved: an SQS queue or an SNS topic.
  $output(consumer.onFailureArn).apply((arn) => {
    if (!arn) return;
    const [, , service, , , resourceName] = arn.split(":");
    const sqs = service === "sqs";
    alarm(`${consumer.component}DeadLetters`, {
      alarmDescription:
        "Stream records failed every retry and went to the dead-letter destination.",
      namespace: sqs ? "AWS/SQS" : "AWS/SNS",
      metricName: sqs ? "ApproximateNumberOfMessagesVisible" : "NumberOfMessagesPublished",
      dimensions: sqs ? { QueueName: resourceName ?? "" } : { TopicName: resourceName ?? "" },
      statistic: sqs ? "Maximum" : "Sum",
      period: FIVE_MINUTES,
      evaluationPeriods: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: 1,
    });
  });
});

// --- One dashboard with the same signals -------------------------------------------
/**
 * Lambda widgets find their functions by search, not by a list: functions appear
 * during the deploy (see Registry), and every one is named app-stage-Component
 * (infra/defaults.ts), so the app and stage tokens of the name select this stage's.
 */
export const LAMBDA_NAME_TOKENS = [$app.name, $app.stage];
const lambdaSearch = (metricName: string, stat: string) => [
  {
    expression: `SEARCH('{AWS/Lambda,FunctionName} MetricName="${metricName}" ${LAMBDA_NAME_TOKENS.map((token) => `FunctionName=${token}`).join(" ")}', '${stat}', ${FIVE_MINUTES})`,
    label: "",
    id: `${metricName.toLowerCase()}s`,
  },
];
const widget = (title: string, metrics: unknown[][], y: number) => ({
  type: "metric",
  x: 0,
  y,
  width: 24,
  height: 6,
  properties: { title, metrics, period: FIVE_MINUTES, view: "timeSeries" },
});

export const dashboard = new aws.cloudwatch.Dashboard("Dashboard", {
  dashboardName: `${$app.name}-${$app.stage}`,
  dashboardBody: $jsonStringify(
    $output({
      regionName: region,
      apiId: api.nodes.api.id,
      tableName: table.name,
      storageName: storage.name,
    }).apply(({ regionName, apiId, tableName, storageName }) => {
      const apiMetric = (name: string, stat: string) => [
        "AWS/ApiGateway",
        name,
        "ApiId",
        apiId,
        "Stage",
        "$default",
        { stat },
      ];
      const perTable = (name: string) =>
        [tableName, storageName].flatMap((t) =>
          DYNAMO_OPERATIONS.map((op) => [
            "AWS/DynamoDB",
            name,
            "TableName",
            t,
            "Operation",
            op,
            { stat: "Sum" },
          ]),
        );
      return {
        widgets: [
          widget(
            "API: requests, 4xx, 5xx",
            [apiMetric("Count", "Sum"), apiMetric("4xx", "Sum"), apiMetric("5xx", "Sum")],
            0,
          ),
          widget("API latency (ms)", [apiMetric("Latency", "p50"), apiMetric("Latency", "p99")], 6),
          widget("Lambda errors", [lambdaSearch("Errors", "Sum")], 12),
          widget("Lambda throttles", [lambdaSearch("Throttles", "Sum")], 18),
          widget("DynamoDB throttled requests", perTable("ThrottledRequests"), 24),
          widget("DynamoDB system errors", perTable("SystemErrors"), 30),
          widget(
            "Stream subscribers: iterator age (ms)",
            [lambdaSearch("IteratorAge", "Maximum")],
            36,
          ),
          widget(
            "Tasks created, conflicts, sign-ups, failed sign-ins",
            Object.values(METRIC_NAMES).map((name) => [
              METRICS_NAMESPACE,
              name,
              "service",
              "taskmanager",
              "stage",
              $app.stage,
              { stat: "Sum" },
            ]),
            42,
          ),
        ].map((w) => ({ ...w, properties: { ...w.properties, region: regionName } })),
      };
    }),
  ),
});
