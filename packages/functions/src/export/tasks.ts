/**
 * `GET <export url>?format=csv|ndjson&status=&q=&tag=&sort=&listId=`: the caller's
 * Inbox, or with `listId` a list they are a member of, as the list shows it for the
 * same filters (parsed and matched by core as the list does) as
 * one file, streamed through a Lambda Function URL while DynamoDB is paged, so the
 * first bytes leave at once and memory stays flat however many tasks there are.
 * Everything that can be refused (token, query, the first page) is settled before
 * the status line, so those errors get the API's envelope and status.
 */
import { parseInput, VisibleError } from "@taskmanager/core/error";
import * as Task from "@taskmanager/core/task";
import { ExportTasksQuery, type Task as TaskRecord } from "@taskmanager/core/task/schema";
import type { Context, LambdaFunctionURLEvent } from "aws-lambda";
import { toErrorResponse } from "../http/errors";
import { requireMember } from "../http/grant";
import { JSON_HEADERS, logger } from "../http/handler";
import { authenticate } from "../token/verify";
import { encodings, exportFilename } from "./format";
import { nextPage, PAGE_DEADLINE_MS, type Pages, streamPages } from "./stream";

export interface ExportHandlerOptions {
  /** Where pages come from: `Task.pages` (tests inject failing or slow sources). */
  pages?: (userId: string, filters: unknown) => AsyncIterable<TaskRecord[]>;
  deadlineMs?: number;
}

export function createExportHandler(options: ExportHandlerOptions = {}) {
  const source = options.pages ?? Task.pages;
  const deadlineMs = options.deadlineMs ?? PAGE_DEADLINE_MS;

  return awslambda.streamifyResponse<LambdaFunctionURLEvent>(
    async (event, responseStream, context?: Context) => {
      const started = performance.now();
      if (context) logger.addContext(context);
      const log = (status: number, details: Record<string, unknown> = {}) =>
        logger.info("export", { status, ms: Math.round(performance.now() - started), ...details });

      let prepared: { format: keyof typeof encodings; pages: Pages; first: TaskRecord[] };
      try {
        // A Function URL passes every method on; only GET is served (CORS allows only it).
        if (event.requestContext.http.method !== "GET") {
          throw new VisibleError("not_found", "Only GET is served here.");
        }
        const user = await authenticate(event.headers.authorization);
        const { format, ...filters } = parseInput(ExportTasksQuery, {
          ...event.queryStringParameters,
        });
        // One list's tasks for a member of it (the API's rule: else 404); else the Inbox.
        if (filters.listId) await requireMember(filters.listId, user, "viewer");
        const pages = source(user.userId, filters)[Symbol.asyncIterator]();
        prepared = { format, pages, first: (await nextPage(pages, deadlineMs)) ?? [] };
      } catch (error) {
        const failure = toErrorResponse(error);
        if (failure.status >= 500) logger.error("export refused", { error: error as Error });
        awslambda.HttpResponseStream.from(responseStream, {
          statusCode: failure.status,
          headers: JSON_HEADERS,
        }).end(JSON.stringify(failure.body));
        log(failure.status);
        return;
      }

      const encoding = encodings[prepared.format];
      const stream = awslambda.HttpResponseStream.from(responseStream, {
        statusCode: 200,
        headers: {
          "content-type": encoding.contentType,
          "content-disposition": `attachment; filename=${exportFilename(encoding)}`,
          "cache-control": "no-store",
          "x-content-type-options": "nosniff",
        },
      });
      const result = await streamPages(
        stream,
        encoding,
        prepared.first,
        prepared.pages,
        deadlineMs,
      );
      if (result.outcome === "failed") {
        logger.error("export failed part way", {
          tasks: result.tasks,
          error: result.error as Error,
        });
      }
      log(200, { format: prepared.format, outcome: result.outcome, tasks: result.tasks });
    },
  );
}

export const handler = createExportHandler();
