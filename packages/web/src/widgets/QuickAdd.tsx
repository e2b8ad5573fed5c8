/**
 * Quick add at the top of the list: a title and Enter makes a task without leaving
 * the list (due date and priority optional in the same row). What is typed is
 * read as it is typed ("Pay rent every month on the 1st #home !high", see
 * quickadd/parse.ts): each part understood shows as a chip under the box, and
 * removing one keeps its words in the title. The task shows at once; if the
 * server refuses, it goes again and every field comes back with why. What is
 * typed (and which chips were removed) is kept as a draft (tasks/draft.ts) until
 * the server has the task, so a reload or an expired sign-in loses nothing.
 * On Today and Upcoming the Due field starts at the view's day (`defaultDue`), so
 * what is added shows where it was added; a day in the text still wins, and
 * emptying the field adds it with no date.
 */
import { useQuery } from "@tanstack/react-query";
import { CreateTaskInput, TASK_PRIORITIES, type Task } from "@taskmanager/core/task/schema";
import {
  type FormEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type * as z from "zod/mini";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { QUICK_ADD_ID, useRequestedFocus } from "../app/screen";
import { browserTimeZone, fetchSettings, settingsKey, settingsLocale } from "../app/settings";
import { fetchLists } from "../lists/endpoints";
import { listKeys } from "../lists/queries";
import type { Chip, QuickAddResult } from "../quickadd/parse";
import { follow, type Span } from "../quickadd/spans";
import { formatDay } from "../tasks/dates";
import {
  emptyQuickDraft,
  loadQuickDraft,
  type QuickDraft,
  sameQuickDraft,
  saveQuickDraft,
} from "../tasks/draft";
import { INCOMPLETE_DATE, toFieldErrors } from "../tasks/form";
import { priorityLabel } from "../tasks/labels";
import { useCreateTask } from "../tasks/queries";
import { describeRecurrence, formatTime } from "../tasks/schedule-words";
import { LabelledOptions } from "./LabelledOptions";
import { PLACEHOLDER_PREFIX } from "./TaskRows";

type Parser = typeof import("../quickadd/parse");

let parserLoad: Promise<Parser> | undefined;
/**
 * The parser and chrono-node load on demand, when typing starts: they are no part
 * of the page's first load. A failed load is tried again next time; meanwhile
 * quick add adds what is typed as it is.
 */
function loadParser(locale: string): Promise<Parser | null> {
  parserLoad ??= import("../quickadd/parse");
  return parserLoad.then(
    async (parser) => {
      await parser.loadDates(locale).catch(() => undefined);
      return parser;
    },
    () => {
      parserLoad = undefined;
      return null;
    },
  );
}

/** Quick add's draft: its fields, and the spans of chips the person removed. */
type Draft = QuickDraft & { literal?: Span[] };

const isSpan = (span: unknown): span is Span =>
  typeof span === "object" &&
  span !== null &&
  Number.isInteger((span as Span).start) &&
  Number.isInteger((span as Span).end);

function loadDraft(): Draft {
  const draft: Draft = loadQuickDraft() ?? emptyQuickDraft;
  const literal = Array.isArray(draft.literal) ? draft.literal.filter(isSpan) : [];
  return { ...draft, literal };
}

/** What a chip says it understood, in the person's locale. */
function chipLabel(chip: Chip, locale: string): string {
  switch (chip.kind) {
    case "due":
      return `Due ${formatDay(chip.dueDate, locale)}${chip.dueTime ? `, ${formatTime(chip.dueTime, locale)}` : ""}`;
    case "repeat":
      return `Repeats ${describeRecurrence(chip.recurrence)}`;
    case "priority":
      return `${priorityLabel[chip.priority]} priority`;
    case "tag":
      return `Tag ${chip.tag}`;
    case "list":
      return `In list ${chip.name}`;
  }
}

/**
 * The task to send: what the text says, and the row's Due and Priority fields for
 * what it does not say (a day typed in the text wins over the Due field; the Due
 * field wins over a repeat rule's first date and gives a time alone, "at 5pm", its
 * day). The view's default day comes last: it was not typed, so a repeat rule's
 * first date or a time's own day wins over it, and an emptied field drops it.
 * The list in view unless an @list names another.
 */
function toInput(
  fields: Draft,
  reading: QuickAddResult | null,
  listId: string | undefined,
  defaultDue: string | undefined,
): Record<string, unknown> {
  const chips = reading?.chips ?? [];
  const namesDay = chips.some((chip) => chip.kind === "due" && chip.namesDay);
  const read = reading?.input;
  return {
    ...(read ?? { title: fields.title }),
    priority: chips.some((chip) => chip.kind === "priority") ? read?.priority : fields.priority,
    dueDate: namesDay
      ? read?.dueDate
      : fields.dueDate || read?.dueDate || (fields.dueCleared ? null : defaultDue) || null,
    ...(read?.listId ? {} : listId ? { listId } : {}),
  };
}

let placeholders = 0;

function placeholderTask(input: z.output<typeof CreateTaskInput>): Task {
  const now = new Date().toISOString();
  placeholders += 1;
  return {
    ...input,
    taskId: `${PLACEHOLDER_PREFIX}${placeholders}`,
    userId: "",
    createdAt: now,
    updatedAt: now,
    version: 0,
    attachmentCount: 0,
  };
}

/**
 * `listId`: the list in view, which quick add creates into; without it, the Inbox.
 * `defaultDue`: the day (YYYY-MM-DD) a task without one is due, shown in the Due field.
 */
export function QuickAdd({ listId, defaultDue }: { listId?: string; defaultDue?: string } = {}) {
  const create = useCreateTask();
  const id = useId();
  // What was typed comes back after a reload or a sign-in round trip.
  const [fields, setFields] = useState<Draft>(loadDraft);
  const { title, dueDate, priority, dueCleared } = fields;
  /** What the Due field shows: what was typed, else the view's default unless emptied. */
  const shownDue = dueDate || (dueCleared ? "" : (defaultDue ?? ""));
  const literal = fields.literal ?? [];
  /** The fields as typed now, also for answers that arrive after quick add has gone. */
  const typed = useRef(fields);
  /** Adds sent and not yet answered: kept as the draft while nothing new is typed. */
  const unanswered = useRef<Draft[]>([]);
  const [error, setError] = useState<{ field: "title" | "dueDate" | "form"; text: string } | null>(
    null,
  );
  const dateInput = useRef<HTMLInputElement>(null);
  useRequestedFocus(QUICK_ADD_ID);

  // Read once typing starts: the person's language and zone, and the lists @ may name.
  const typing = title.trim() !== "";
  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: fetchSettings,
    staleTime: Number.POSITIVE_INFINITY,
    enabled: typing,
  });
  const lists = useQuery({ queryKey: listKeys.all, queryFn: fetchLists, enabled: typing });
  const locale = settingsLocale(settings.data);
  const timeZone = settings.data?.timeZone ?? browserTimeZone();
  const [parser, setParser] = useState<Parser | null>(null);
  useEffect(() => {
    if (!typing) return;
    let current = true;
    void loadParser(locale).then((loaded) => {
      if (current && loaded) setParser(() => loaded);
    });
    return () => {
      current = false;
    };
  }, [typing, locale]);

  const choices = useMemo(
    () =>
      (lists.data?.items ?? [])
        .filter((list) => list.role !== "viewer")
        .map(({ listId, name }) => ({ listId, name })),
    [lists.data],
  );
  const read = (draft: Draft, using: Parser | null): QuickAddResult | null =>
    using && draft.title.trim() !== ""
      ? using.parseQuickAdd(draft.title, {
          now: Date.now(),
          timeZone,
          locale,
          lists: choices,
          literal: draft.literal ?? [],
        })
      : null;
  const reading = read(fields, parser);
  const chips = reading?.chips ?? [];

  const keep = (now: Draft) =>
    saveQuickDraft(sameQuickDraft(now, emptyQuickDraft) ? (unanswered.current.at(-1) ?? now) : now);
  function update(change: Partial<Draft>) {
    const next = { ...typed.current, ...change };
    typed.current = next;
    setFields(next);
    keep(next);
  }
  function answered(sent: Draft) {
    unanswered.current = unanswered.current.filter((d) => d !== sent);
    keep(typed.current);
  }
  function retype(text: string) {
    const before = typed.current;
    update({ title: text, literal: follow(before.literal ?? [], before.title, text) });
  }

  /** Where focus goes once a chip is gone: the chip now in its place, else the box. */
  const focusChip = useRef<number | null>(null);
  const chipList = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (focusChip.current === null) return;
    const buttons = chipList.current?.querySelectorAll<HTMLButtonElement>("button") ?? [];
    const target = buttons[Math.min(focusChip.current, buttons.length - 1)];
    focusChip.current = null;
    (target ?? document.getElementById(QUICK_ADD_ID))?.focus();
  });
  function removeChip(chip: Chip, index: number) {
    focusChip.current = index;
    update({ literal: [...literal, { start: chip.start, end: chip.end }] });
    announce(`Removed ${chipLabel(chip, locale)}; “${chip.text}” stays in the title.`);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (dateInput.current?.validity.badInput) {
      setError({ field: "dueDate", text: `Due date ${INCOMPLETE_DATE}.` });
      dateInput.current.focus();
      return;
    }
    const sent = fields;
    // Enter before the parser has arrived waits for it, so what is sent is what was meant.
    const using = parser ?? (sent.title.trim() !== "" ? await loadParser(locale) : null);
    const parsed = CreateTaskInput.safeParse(toInput(sent, read(sent, using), listId, defaultDue));
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues);
      const field = errors.title ? "title" : errors.dueDate ? "dueDate" : "form";
      setError({ field, text: `${field === "dueDate" ? "Due date" : "Title"} ${errors[field]}.` });
      return;
    }
    const placeholder = placeholderTask(parsed.data);
    setError(null);
    // Ready for the next task straight away; the row shows "Saving…" meanwhile. The
    // draft keeps what was sent until the server has it (a sign-in may come first).
    unanswered.current.push(sent);
    // Unless more was typed while the parser loaded: that stays.
    if (typed.current === sent) update({ ...emptyQuickDraft, literal: [] });
    // mutateAsync, not mutate's callbacks: those are dropped if quick add unmounts first.
    create.mutateAsync({ input: parsed.data, placeholder }).then(
      (task) => {
        answered(sent);
        announce(`Created “${task.title}”.`);
      },
      (failure: unknown) => {
        answered(sent);
        // Every field comes back, unless something new was typed meanwhile.
        if (sameQuickDraft(typed.current, emptyQuickDraft)) update(sent);
        setError({
          field: "form",
          text: `“${parsed.data.title}” was not added: ${describeError(failure)}`,
        });
        announce(`“${parsed.data.title}” was not added.`);
      },
    );
  }

  /**
   * Escape empties quick add when it holds something (the person chose to, so it is
   * said aloud, not silent); when it is empty, Escape leaves it for the list's heading.
   */
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    if (title || dueDate || dueCleared || priority !== "medium") {
      update({ ...emptyQuickDraft, literal: [] });
      setError(null);
      announce("Quick add cleared.");
      document.getElementById(QUICK_ADD_ID)?.focus();
      return;
    }
    event.currentTarget.closest("section")?.querySelector<HTMLElement>("h1")?.focus();
  }

  const errorId = `${id}-error`;
  const describe = (field: "title" | "dueDate") =>
    error && (error.field === field || error.field === "form") ? errorId : undefined;
  return (
    <form
      className="quick-add"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label="Quick add"
      // On a phone, due and priority show while quick add is in use or holds a value.
      data-filled={title || dueDate || priority !== "medium" ? "" : undefined}
    >
      <div className="quick-title">
        <label htmlFor={QUICK_ADD_ID}>Add a task</label>
        <input
          id={QUICK_ADD_ID}
          value={title}
          onChange={(e) => retype(e.target.value)}
          // Whoever comes into the box is about to type: the parser starts loading now.
          onFocus={() => void loadParser(locale)}
          placeholder="e.g. Pay rent every month on the 1st #home !high"
          autoComplete="off"
          aria-keyshortcuts="n"
          aria-invalid={error?.field === "title" || undefined}
          aria-describedby={describe("title")}
        />
        {chips.length > 0 ? (
          <ul className="chips" aria-label="Understood" ref={chipList}>
            {chips.map((chip, index) => (
              <li key={`${chip.kind}-${chip.start}`} className="chip">
                <span>{chipLabel(chip, locale)}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove ${chipLabel(chip, locale)}, keep “${chip.text}” in the title`}
                  onClick={() => removeChip(chip, index)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-due`}>Due</label>
        <input
          id={`${id}-due`}
          ref={dateInput}
          type="date"
          value={shownDue}
          // Emptied while the view's default showed: no date, until Escape or an add.
          onChange={(e) =>
            update({ dueDate: e.target.value, dueCleared: e.target.value === "" && !!defaultDue })
          }
          aria-invalid={error?.field === "dueDate" || undefined}
          aria-describedby={describe("dueDate")}
        />
      </div>
      <div>
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select
          id={`${id}-priority`}
          value={priority}
          onChange={(e) => update({ priority: e.target.value as typeof priority })}
        >
          <LabelledOptions values={TASK_PRIORITIES} labels={priorityLabel} />
        </select>
      </div>
      <button type="submit" className="primary">
        Add
      </button>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error.text}
        </p>
      ) : null}
    </form>
  );
}
