/**
 * The create/edit form. It validates on submit and then on every change, so errors
 * appear when they are useful and disappear as soon as they are fixed. Every change
 * is kept as a draft so a forced sign-in does not lose it. A send in flight cannot
 * be sent again (a double click makes one task).
 */
import { TASK_PRIORITIES, TASK_STATUSES } from "@taskmanager/core/task/schema";
import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";
import { type Draft, saveDraft } from "../tasks/draft";
import { type FieldErrors, INCOMPLETE_DATE, type TaskFormValues } from "../tasks/form";
import { priorityLabel, statusLabel } from "../tasks/labels";
import { FIELDS, sameValue } from "../tasks/merge";
import { LabelledOptions } from "./LabelledOptions";
import { ReminderPicker } from "./ReminderPicker";
import { RepeatPicker } from "./RepeatPicker";
import { TagInput, withPendingTag } from "./TagInput";

interface Props {
  /** A new object replaces what the form holds, in place (focus stays where it is). */
  initial: TaskFormValues;
  draftId: string;
  /** Kept with the draft: for an edit, the version (and its values) it started from. */
  draftBase?: Omit<Draft, "values">;
  submitLabel: string;
  busy: boolean;
  validate: (values: TaskFormValues) => FieldErrors | null;
  /** Resolves when the server has answered, either way. */
  onSubmit: (values: TaskFormValues) => Promise<unknown>;
  onCancel?: () => void;
  /**
   * The values as stored (the task; nothing for a new one): Escape leaves at once
   * while the form holds them, and asks first when it holds anything else, a
   * restored draft included. Defaults to `initial`.
   */
  saved?: TaskFormValues;
  /** Told every change, e.g. to merge what is typed now after a conflict. */
  onValuesChange?: (values: TaskFormValues) => void;
  /** Errors from the server (e.g. its validation), shown like our own. */
  serverErrors?: FieldErrors;
  children?: ReactNode;
}

export function TaskForm(props: Props) {
  const [values, setValues] = useState(props.initial);
  // Adopting new initial values during render, not by remounting, keeps focus and the DOM.
  const [adopted, setAdopted] = useState(props.initial);
  if (adopted !== props.initial) {
    setAdopted(props.initial);
    setValues(props.initial);
  }
  const [pendingTag, setPendingTag] = useState("");
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const sending = useRef(false);
  /** Escape with changes: where focus was, to go back to if the person keeps editing. */
  const [leaving, setLeaving] = useState<HTMLElement | null>(null);
  const dueDate = useRef<HTMLInputElement>(null);
  const id = useId();
  const shown = { ...props.serverErrors, ...errors };

  /** The schema's errors plus what only the browser knows: a date field showing text it cannot read. */
  function check(next: TaskFormValues): FieldErrors | null {
    const found = props.validate(next);
    if (!dueDate.current?.validity.badInput) return found;
    return { ...found, dueDate: INCOMPLETE_DATE };
  }

  function change<K extends keyof TaskFormValues>(field: K, value: TaskFormValues[K]) {
    const next = { ...values, [field]: value };
    setValues(next);
    props.onValuesChange?.(next);
    saveDraft(props.draftId, { ...props.draftBase, values: next });
    // Only re-validate once the person has tried to submit.
    if (errors) setErrors(check(next) ?? {});
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (sending.current) return;
    const complete = { ...values, tags: withPendingTag(values.tags, pendingTag) };
    const found = check(complete);
    setErrors(found ?? {});
    if (found) {
      const first = Object.keys(found)[0];
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setValues(complete);
    setPendingTag("");
    sending.current = true;
    void props.onSubmit(complete).finally(() => {
      sending.current = false;
    });
  }

  /** Escape cancels the form; with changes, it asks first, so none are lost by a stray key. */
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Escape" || event.defaultPrevented || !props.onCancel) return;
    event.preventDefault();
    const saved = props.saved ?? props.initial;
    const unchanged =
      pendingTag.trim() === "" && FIELDS.every((name) => sameValue(values[name], saved[name]));
    if (unchanged) props.onCancel();
    else setLeaving(document.activeElement instanceof HTMLElement ? document.activeElement : null);
  }
  function keepEditing() {
    leaving?.focus();
    setLeaving(null);
  }

  const field = (name: keyof TaskFormValues) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": shown[name] ? true : undefined,
    "aria-describedby": shown[name] ? `${id}-${name}-error` : undefined,
  });
  const error = (name: keyof TaskFormValues) =>
    shown[name] ? (
      <p className="field-error" id={`${id}-${name}-error`}>
        {shown[name]}
      </p>
    ) : null;

  return (
    <form className="task-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      {props.children}
      {shown.form ? (
        <p className="field-error" role="alert">
          {shown.form}
        </p>
      ) : null}
      <label htmlFor={`${id}-title`}>Title</label>
      <input
        {...field("title")}
        value={values.title}
        onChange={(e) => change("title", e.target.value)}
        autoComplete="off"
      />
      {error("title")}

      <label htmlFor={`${id}-description`}>Description</label>
      <textarea
        {...field("description")}
        rows={4}
        value={values.description}
        onChange={(e) => change("description", e.target.value)}
      />
      {error("description")}

      <div className="row">
        <div>
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            {...field("status")}
            value={values.status}
            onChange={(e) => change("status", e.target.value as TaskFormValues["status"])}
          >
            <LabelledOptions values={TASK_STATUSES} labels={statusLabel} />
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-priority`}>Priority</label>
          <select
            {...field("priority")}
            value={values.priority}
            onChange={(e) => change("priority", e.target.value as TaskFormValues["priority"])}
          >
            <LabelledOptions values={TASK_PRIORITIES} labels={priorityLabel} />
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-dueDate`}>Due date</label>
          <input
            {...field("dueDate")}
            ref={dueDate}
            type="date"
            value={values.dueDate}
            // An empty value while the field shows text means "not a date", not "no date".
            onChange={(e) => change("dueDate", e.target.value)}
            onBlur={() => {
              if (errors) setErrors(check(values) ?? {});
            }}
          />
        </div>
        {values.dueDate ? (
          // A time of day only means something on a date: the field comes with one.
          <div>
            <label htmlFor={`${id}-dueTime`}>Time (optional)</label>
            <input
              {...field("dueTime")}
              type="time"
              value={values.dueTime}
              onChange={(e) => change("dueTime", e.target.value)}
            />
          </div>
        ) : null}
      </div>
      {error("dueDate")}
      {error("dueTime")}

      <RepeatPicker
        idPrefix={id}
        value={values.recurrence}
        onChange={(rule) => change("recurrence", rule)}
        dueDate={values.dueDate}
        error={shown.recurrence}
      />
      <ReminderPicker
        idPrefix={id}
        value={values.reminders}
        onChange={(reminders) => change("reminders", reminders)}
        dueDate={values.dueDate}
        error={shown.reminders}
      />

      <label htmlFor={`${id}-tags`}>Tags</label>
      <p className="hint" id={`${id}-tags-hint`}>
        Press Enter or type a comma after each tag.
      </p>
      <TagInput
        id={`${id}-tags`}
        tags={values.tags}
        onChange={(tags) => change("tags", tags)}
        pending={pendingTag}
        onPendingChange={setPendingTag}
        invalid={Boolean(shown.tags)}
        describedBy={shown.tags ? `${id}-tags-error ${id}-tags-hint` : `${id}-tags-hint`}
      />
      {error("tags")}

      <div className="actions">
        {/* aria-disabled, not disabled: a disabled button throws its focus to the page
            (a 409 keeps the person in the form); `sending` already refuses a second send. */}
        <button type="submit" className="primary" aria-disabled={props.busy || undefined}>
          {props.busy ? "Saving…" : props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {leaving && props.onCancel ? (
        <fieldset
          className="confirm"
          aria-label="Discard your changes?"
          onKeyDown={(event) => {
            // Escape again is the safe answer: back to editing.
            if (event.key !== "Escape") return;
            event.preventDefault();
            event.stopPropagation();
            keepEditing();
          }}
        >
          <span>You have changes that are not saved. Discard them?</span>
          <button type="button" className="danger" onClick={props.onCancel}>
            Discard changes
          </button>
          <button
            type="button"
            // biome-ignore lint/a11y/noAutofocus: focus moves to the choice the person must make, its safe answer first
            autoFocus
            onClick={keepEditing}
          >
            Keep editing
          </button>
        </fieldset>
      ) : null}
    </form>
  );
}
