/**
 * The app's own metrics, in CloudWatch embedded metric format (Powertools): each
 * count is written as one EMF log line at once, so no handler needs a flush step.
 * Dimensions: `service` and `stage` (infra/defaults.ts sets TASKMANAGER_STAGE on every function).
 * The dashboard (infra/monitoring.ts) reads these names.
 */
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";

export const METRICS_NAMESPACE = "Taskmanager";

export const METRIC_NAMES = {
  tasksCreated: "TasksCreated",
  conflicts: "Conflicts",
  signUps: "SignUps",
  failedSignIns: "FailedSignIns",
} as const;

type MetricName = (typeof METRIC_NAMES)[keyof typeof METRIC_NAMES];

let metrics: Metrics | undefined;

function count(name: MetricName): void {
  metrics ??= new Metrics({
    namespace: METRICS_NAMESPACE,
    serviceName: "taskmanager",
    defaultDimensions: { stage: process.env.TASKMANAGER_STAGE ?? "local" },
  });
  metrics.addMetric(name, MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
}

export const countTaskCreated = () => count(METRIC_NAMES.tasksCreated);
export const countConflict = () => count(METRIC_NAMES.conflicts);

/**
 * For the issuer's `success` callback: the password provider completes a sign-up
 * on its `/register` route and a sign-in on `/authorize`.
 */
export function countSignUpFrom(request: Request): void {
  if (new URL(request.url).pathname.endsWith("/register")) count(METRIC_NAMES.signUps);
}

/** For the password provider's refusals (wrong email or password, locked out). */
export const countFailedSignIn = () => count(METRIC_NAMES.failedSignIns);
