/**
 * The export's two file formats. Each turns a page of tasks into one chunk of
 * text, so the writer sends a page as soon as it has it, and ends a broken export
 * with a record a reader can tell apart from data.
 */
import type { ErrorBody } from "@taskmanager/core/error/schema";
import type { ExportFormat, Task } from "@taskmanager/core/task/schema";

/** A task as exported: the API's task, and the name of its list (`Inbox` for the Inbox). */
export type ExportRow = Task & { list: string };

export interface ExportEncoding {
  contentType: string;
  extension: string;
  /** Written before the first task (the CSV's BOM and header row). */
  head: string;
  page(tasks: readonly ExportRow[]): string;
  /** The last thing written when the export fails part way. */
  failure(error: ErrorBody): string;
}

/** taskId first: it is never empty and never starts with "#", so a comment line is unambiguous. */
export const CSV_COLUMNS = [
  "taskId",
  "title",
  "description",
  "status",
  "priority",
  "dueDate",
  "tags",
  "createdAt",
  "updatedAt",
  "version",
  "attachmentCount",
  "userId",
  "listId",
  "updatedBy",
  // Issue 20's fields and the list's name, after the older columns so their places stay.
  "dueTime",
  "recurrence",
  "reminders",
  "list",
] as const satisfies readonly (keyof ExportRow)[];

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula
 * (OWASP's "CSV injection"); a leading apostrophe makes it text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: a cell holding a quote, comma or line break is quoted, its quotes doubled. */
export function csvCell(value: string): string {
  const cell = neutraliseFormula(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function csvValue(row: ExportRow, column: (typeof CSV_COLUMNS)[number]): string {
  // A repeat rule as its RFC 5545 text (FREQ=WEEKLY;BYDAY=MO), which calendars read.
  const value = column === "recurrence" ? row.recurrenceRule : row[column];
  // No due date, no list (the Inbox), no author (written before lists): an empty cell.
  if (value === null || value === undefined) return "";
  // Tags may hold commas or semicolons themselves, reminders are objects
  // ({"before":60}, {"at":"..."}): a JSON array keeps them apart.
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

const CRLF = "\r\n";

export const csv: ExportEncoding = {
  contentType: "text/csv; charset=utf-8; header=present",
  extension: "csv",
  // The BOM tells spreadsheet programs the file is UTF-8, so accents survive.
  head: `\uFEFF${CSV_COLUMNS.join(",")}${CRLF}`,
  page: (tasks) =>
    tasks
      .map((task) => CSV_COLUMNS.map((column) => csvCell(csvValue(task, column))).join(",") + CRLF)
      .join(""),
  // CSV has no error record; a comment line (csv-parse's `comment: "#"`) is the convention.
  failure: ({ error }) => `# export failed: ${error.code}: ${error.message}${CRLF}`,
};

export const ndjson: ExportEncoding = {
  contentType: "application/x-ndjson; charset=utf-8",
  extension: "ndjson",
  head: "",
  page: (tasks) => tasks.map((task) => `${JSON.stringify(task)}\n`).join(""),
  // The API's own error envelope: a task line never has an "error" key.
  failure: (error) => `${JSON.stringify(error)}\n`,
};

export const encodings: Record<ExportFormat, ExportEncoding> = { csv, ndjson };

/** The media types the export answers with (without parameters), for its contract. */
export const EXPORT_CONTENT_TYPES = Object.values(encodings).map(
  (encoding) => encoding.contentType.split(";")[0] as string,
);

/** `tasks-YYYY-MM-DD.csv`, dated in UTC. */
export function exportFilename(encoding: ExportEncoding, now = new Date()): string {
  return `tasks-${now.toISOString().slice(0, 10)}.${encoding.extension}`;
}
