/**
 * A local stack for a benchmark (DynamoDB Local in memory, fresh tables), a signed-up
 * person, and the two baselines every figure is compared with: the same DynamoDB
 * Query that `GET /tasks` sends, made with bare lib-dynamodb.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { REDIRECT_URI, signUp } from "@taskmanager/local/clients/sign-in";
import { type Stack, startStack } from "@taskmanager/local/stack/stack";
import { startStackProcess } from "@taskmanager/local/stack/stack-process";
import { BENCH_TTL_SWEEP_MS } from "./environment";

export interface Person {
  token: string;
  userId: string;
  authorization: string;
}

export interface Fixture {
  stack: Stack;
  person: Person;
  api(path: string, init?: RequestInit): Promise<Response>;
}

/** A fresh stack; `inProcess` also loads the handlers here (needed to call them directly). */
export async function startFixture(options: { inProcess: boolean }): Promise<Fixture> {
  const run = `bench-${Date.now().toString(36)}`;
  const stackOptions = {
    inMemory: true,
    printMail: false,
    tables: { tasks: `${run}-tasks`, auth: `${run}-auth` },
    // The issuer redirects only to known origins: the one sign-in uses.
    webOrigins: [new URL(REDIRECT_URI).origin],
    ttlSweepMs: BENCH_TTL_SWEEP_MS,
  };
  const stack = options.inProcess
    ? await startStack(stackOptions)
    : await startStackProcess(stackOptions);
  if (!options.inProcess) {
    // This process talks to the child's DynamoDB Local too (seeding, bare queries).
    Object.assign(process.env, {
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      AWS_ENDPOINT_URL_DYNAMODB: stack.urls.dynamo,
      SST_RESOURCE_Tasks: JSON.stringify({ name: stack.tables.tasks, type: "sst.sst.Linkable" }),
    });
  }
  const person = await newPerson(stack);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${stack.urls.api}${path}`, {
      ...init,
      headers: {
        authorization: person.authorization,
        "content-type": "application/json",
        ...init.headers,
      },
    });
  return { stack, person, api };
}

export async function newPerson(stack: Stack): Promise<Person> {
  const email = `bench-${Math.random().toString(36).slice(2)}@example.com`;
  const { access } = await signUp(stack.urls, email, "correct-horse-battery");
  const payload = JSON.parse(Buffer.from(access.split(".")[1] ?? "", "base64url").toString());
  return { token: access, userId: payload.properties.userId, authorization: `Bearer ${access}` };
}

/** Creates `count` tasks for a person (core's seed: batch writes of what `Task.create` stores). */
export async function seedTasks(userId: string, count: number): Promise<void> {
  // Imported late: core reads the table's name from the environment the fixture sets.
  const seed = await import("../../packages/core/src/seed/index");
  await seed.seedTasks(userId, count, { concurrency: 4 });
}

/** The DynamoDB Query `Task.list` sends for the newest-first page, as ElectroDB builds it. */
export async function listQueryInput(userId: string, limit: number): Promise<QueryCommandInput> {
  const { TaskEntity } = await import("../../packages/core/src/task/entity");
  const { LISTED_ATTRIBUTES } = await import("../../packages/core/src/task/index");
  // The list's own request: the same index, order and projection.
  return TaskEntity.query
    .byCreated({ userId })
    .params({ limit, order: "desc", attributes: LISTED_ATTRIBUTES }) as QueryCommandInput;
}

/** The bare baseline: that Query with lib-dynamodb, the items returned as they come. */
export function bareQuery() {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  return (input: QueryCommandInput) => client.send(new QueryCommand(input));
}
