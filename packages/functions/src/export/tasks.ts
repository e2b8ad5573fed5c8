/**
 * `GET <export url>?format=csv|ndjson&status=&q=&tag=&sort=&listId=&scope=`: the
 * caller's Inbox; with `listId` a list they are a member of; with `scope=all` the
 * Inbox and every list they are in (each row names its list), as the list shows it
 * for the same filters (parsed and matched by core as the list does), as one file,
 * streamed through a Lambda Function URL while DynamoDB is paged, so the first bytes
 * leave at once and memory stays flat however many tasks there are. Everything that
 * can be refused (token, query, access, the first page) is settled before the
 * status line, so those errors get the API's envelope and status.
 */
import { parseInput, VisibleError } from "@taskmanager/core/error";
import * as Task from "@taskmanager/core/task";
import { ExportTasksQuery } from "@taskmanager/core/task/schema";
import type { Context, LambdaFunctionURLEvent } from "aws-lambda";
import { toErrorResponse } from "../http/errors";
import { JSON_HEADERS, logger } from "../http/handler";
import { authenticate } from "../token/verify";
import { type ExportRow, encodings, exportFilename } from "./format";
import { exportRows, type PageSource } from "./sources";
import { nextPage, PAGE_DEADLINE_MS, type Pages, streamPages } from "./stream";

export interface ExportHandlerOptions {
  /** Where a container's pages come from: `Task.pages` (tests inject failing or slow sources). */
  pages?: PageSource;
  deadlineMs?: number;
}

export function createExportHandler(options: ExportHandlerOptions = {}) {
  const source: PageSource = options.pages ?? ((userId, filters) => Task.pages(userId, filters));
  const deadlineMs = options.deadlineMs ?? PAGE_DEADLINE_MS;

  return awslambda.streamifyResponse<LambdaFunctionURLEvent>(
    async (event, responseStream, context?: Context) => {
      const started = performance.now();
      if (context) logger.addContext(context);
      const log = (status: number, details: Record<string, unknown> = {}) =>
        logger.info("export", { status, ms: Math.round(performance.now() - started), ...details });

      let prepared: { format: keyof typeof encodings; pages: Pages; first: ExportRow[] };
      try {
        // A Function URL passes every method on; only GET is served (CORS allows only it).
        if (event.requestContext.http.method !== "GET") {
          throw new VisibleError("not_found", "Only GET is served here.");
        }
        const user = await authenticate(event.headers.authorization);
        const { format, ...filters } = parseInput(ExportTasksQuery, {
          ...event.queryStringParameters,
        });
        // One list's tasks for a member of it (the API's rule: else 404), every list the
        // caller is in (scope=all), else the Inbox.
        const rows = await exportRows(source, user.userId, filters);
        const pages = rows[Symbol.asyncIterator]();
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
