/**
 * Export: the tasks the list shows (its status, search and tag; or, unticked, all of
 * them) as CSV or NDJSON, streamed from the export URL with a running count,
 * cancellable.
 */
import { EXPORT_FORMATS, type ExportFormat } from "@taskmanager/core/task/schema";
import { useEffect, useId, useRef, useState } from "react";
import { describeError } from "../app/error-message";
import type { ListFilter } from "../tasks/endpoints";
import { downloadExport, saveFile } from "../tasks/export";
import { statusLabel } from "../tasks/labels";

const formatLabel: Record<ExportFormat, string> = { csv: "CSV", ndjson: "NDJSON" };

type State =
  | { phase: "idle" }
  | { phase: "running"; rows: number }
  | { phase: "done"; rows: number; filename: string }
  | { phase: "cancelled" }
  | { phase: "failed"; message: string };

export function ExportButton({ filter }: { filter: ListFilter }) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>("csv");
  const [onlyShown, setOnlyShown] = useState(true);
  const [state, setState] = useState<State>({ phase: "idle" });
  const running = useRef<AbortController | null>(null);
  // Leaving the screen cancels a download in progress.
  useEffect(() => () => running.current?.abort(), []);
  // Cancel export goes when the export ends (cancelled or not): if it had focus, Export
  // takes it, where the person can start again, rather than the page.
  const exportButton = useRef<HTMLButtonElement>(null);
  const cancelHadFocus = useRef(false);
  useEffect(() => {
    if (state.phase === "running" || !cancelHadFocus.current) return;
    cancelHadFocus.current = false;
    exportButton.current?.focus();
  }, [state.phase]);

  // Done tasks hidden ("Show completed" off) narrow the list too, unless a status is chosen.
  const openOnly = filter.includeDone === false && !filter.status;
  const narrowed = Boolean(filter.status || filter.q || filter.tag || openOnly);
  const shown = onlyShown ? filter : { sort: filter.sort };
  async function start() {
    const controller = new AbortController();
    running.current = controller;
    setState({ phase: "running", rows: 0 });
    try {
      const file = await downloadExport(
        {
          format,
          sort: shown.sort,
          ...(shown.status ? { status: shown.status } : {}),
          ...(shown.q ? { q: shown.q } : {}),
          ...(shown.tag ? { tag: shown.tag } : {}),
          ...(onlyShown && openOnly ? { includeDone: false } : {}),
        },
        { signal: controller.signal, onProgress: (rows) => setState({ phase: "running", rows }) },
      );
      saveFile(file);
      setState({ phase: "done", rows: file.rows, filename: file.filename });
    } catch (error) {
      setState(
        controller.signal.aborted
          ? { phase: "cancelled" }
          : { phase: "failed", message: describeError(error) },
      );
    } finally {
      running.current = null;
    }
  }

  return (
    <fieldset className="export">
      <legend className="visually-hidden">Export tasks</legend>
      <label htmlFor={`${id}-format`}>Export as</label>
      <select
        id={`${id}-format`}
        value={format}
        disabled={state.phase === "running"}
        onChange={(e) => setFormat(e.target.value as ExportFormat)}
      >
        {EXPORT_FORMATS.map((value) => (
          <option key={value} value={value}>
            {formatLabel[value]}
          </option>
        ))}
      </select>
      {narrowed ? (
        <label className="inline">
          <input
            type="checkbox"
            checked={onlyShown}
            disabled={state.phase === "running"}
            onChange={(e) => setOnlyShown(e.target.checked)}
          />{" "}
          Only {describeFilter(filter)}
        </label>
      ) : null}
      {state.phase === "running" ? (
        <>
          <span role="status">Exporting… {tasksCount(state.rows)} so far</span>
          <button
            type="button"
            onClick={() => running.current?.abort()}
            onFocus={() => {
              cancelHadFocus.current = true;
            }}
            onBlur={() => {
              cancelHadFocus.current = false;
            }}
          >
            Cancel export
          </button>
        </>
      ) : (
        <button type="button" ref={exportButton} onClick={() => void start()}>
          Export
        </button>
      )}
      {state.phase === "done" ? (
        <span role="status">
          Exported {tasksCount(state.rows)} to {state.filename}
        </span>
      ) : state.phase === "cancelled" ? (
        <span role="status">Export cancelled.</span>
      ) : state.phase === "failed" ? (
        <span role="alert" className="error">
          The export did not finish: {state.message}
        </span>
      ) : null}
    </fieldset>
  );
}

const tasksCount = (rows: number) => `${rows.toLocaleString()} ${rows === 1 ? "task" : "tasks"}`;

/** What the list is narrowed to, in words: “Done”, tagged “work”, matching “milk”. */
function describeFilter(filter: ListFilter): string {
  return [
    filter.status ? `“${statusLabel[filter.status]}”` : null,
    filter.includeDone === false && !filter.status ? "open tasks" : null,
    filter.tag ? `tagged “${filter.tag}”` : null,
    filter.q ? `matching “${filter.q}”` : null,
  ]
    .filter(Boolean)
    .join(", ");
}
