/**
 * The person's settings: the time zone Today, Overdue, due times and reminders
 * follow; the language quick add reads dates in; and the daily digest's hour (or
 * none). Native selects, each with its label and hint; Save sends only what
 * changed, and a refusal shows by the field it is about.
 */
import type { UserSettings } from "@taskmanager/core/user/schema";
import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../api-client";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { useScreen } from "../app/screen";
import { browserTimeZone, useSettings, useUpdateSettings } from "../app/settings";
import { withQueries } from "../tasks/query-client";
import { formatTime } from "../tasks/schedule-words";
import { FormAlert } from "../widgets/FormAlert";

/** English variants (they order numeric dates differently) and the languages quick add reads. */
const LOCALES = [
  "en-US",
  "en-GB",
  "en-AU",
  "en-CA",
  "en-IN",
  "ar",
  "de",
  "es",
  "fi",
  "fr",
  "id",
  "it",
  "ja",
  "nl",
  "pt",
  "ru",
  "sv",
  "uk",
];

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

interface Values {
  timeZone: string;
  locale: string;
  /** "" for no digest. */
  digestHour: string;
}

type Field = keyof Values;

function valuesOf(settings: UserSettings): Values {
  return {
    timeZone: settings.timeZone ?? browserTimeZone(),
    locale: settings.locale ?? navigator.language,
    digestHour:
      settings.digestHour === undefined || settings.digestHour === null
        ? ""
        : String(settings.digestHour),
  };
}

/** The zones Intl knows, with the chosen one first among them if it is not listed (an alias). */
function zones(current: string): string[] {
  const known = Intl.supportedValuesOf("timeZone");
  return known.includes(current) ? known : [current, ...known];
}

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function Settings() {
  const heading = useScreen("Settings");
  const settings = useSettings();
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading" tabIndex={-1} ref={heading}>
        Settings
      </h1>
      {settings.isPending ? (
        <p role="status">Loading your settings…</p>
      ) : settings.isError ? (
        <div role="alert" className="error">
          <p>{describeError(settings.error)}</p>
          <button type="button" onClick={() => void settings.refetch()}>
            Retry
          </button>
        </div>
      ) : (
        <SettingsForm stored={settings.data} />
      )}
    </section>
  );
}

function SettingsForm({ stored }: { stored: UserSettings }) {
  const id = useId();
  const update = useUpdateSettings();
  const saved = valuesOf(stored);
  const [values, setValues] = useState(saved);
  const error = update.error;
  const issues: Partial<Record<Field | "form", string>> = {};
  if (error instanceof ApiError && error.issues.length > 0) {
    for (const issue of error.issues) {
      const head = issue.path.split(".")[0] as Field;
      const key = head in values ? head : "form";
      issues[key] ??= issue.message;
    }
  } else if (error) {
    issues.form = describeError(error);
  }

  const change = (field: Field, value: string) => setValues({ ...values, [field]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    const input = {
      // Unset until now, the zone and language shown are the browser's: saving keeps them.
      ...(values.timeZone !== stored.timeZone ? { timeZone: values.timeZone } : {}),
      ...(values.locale !== stored.locale ? { locale: values.locale } : {}),
      ...(values.digestHour !== saved.digestHour
        ? { digestHour: values.digestHour === "" ? null : Number(values.digestHour) }
        : {}),
    };
    if (Object.keys(input).length === 0) {
      announce("Nothing changed.");
      return;
    }
    update.mutate(input, {
      onSuccess: (next) => {
        setValues(valuesOf(next));
        announce("Settings saved.");
      },
    });
  }

  const described = (field: Field) =>
    [`${id}-${field}-hint`, issues[field] ? `${id}-${field}-error` : null]
      .filter(Boolean)
      .join(" ");
  const locales = LOCALES.includes(values.locale) ? LOCALES : [values.locale, ...LOCALES];

  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      <FormAlert id={`${id}-form-error`} message={issues.form} />

      <label htmlFor={`${id}-timeZone`}>Time zone</label>
      <p className="hint" id={`${id}-timeZone-hint`}>
        Today, Overdue, due times and reminders follow it. This browser is set to{" "}
        {browserTimeZone()}.
      </p>
      <select
        id={`${id}-timeZone`}
        value={values.timeZone}
        aria-describedby={described("timeZone")}
        aria-invalid={issues.timeZone ? true : undefined}
        onChange={(event) => change("timeZone", event.target.value)}
      >
        {zones(values.timeZone).map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </select>
      {issues.timeZone ? (
        <p className="field-error" id={`${id}-timeZone-error`}>
          {issues.timeZone}
        </p>
      ) : null}

      <label htmlFor={`${id}-locale`}>Language for dates in quick add</label>
      <p className="hint" id={`${id}-locale-hint`}>
        How quick add reads words like “tomorrow” and dates like 03/12.
      </p>
      <select
        id={`${id}-locale`}
        value={values.locale}
        aria-describedby={described("locale")}
        aria-invalid={issues.locale ? true : undefined}
        onChange={(event) => change("locale", event.target.value)}
      >
        {locales.map((tag) => (
          <option key={tag} value={tag}>
            {languageName(tag)}
          </option>
        ))}
      </select>
      {issues.locale ? (
        <p className="field-error" id={`${id}-locale-error`}>
          {issues.locale}
        </p>
      ) : null}

      <label htmlFor={`${id}-digestHour`}>Daily digest by email</label>
      <p className="hint" id={`${id}-digestHour-hint`}>
        The day's and overdue tasks, once a day at this hour in your time zone.
      </p>
      <select
        id={`${id}-digestHour`}
        value={values.digestHour}
        aria-describedby={described("digestHour")}
        aria-invalid={issues.digestHour ? true : undefined}
        onChange={(event) => change("digestHour", event.target.value)}
      >
        <option value="">Off</option>
        {HOURS.map((hour) => (
          <option key={hour} value={String(hour)}>
            {formatTime(`${String(hour).padStart(2, "0")}:00`)}
          </option>
        ))}
      </select>
      {issues.digestHour ? (
        <p className="field-error" id={`${id}-digestHour-error`}>
          {issues.digestHour}
        </p>
      ) : null}

      <div className="actions">
        <button type="submit" className="primary" aria-disabled={update.isPending || undefined}>
          {update.isPending ? "Saving…" : "Save settings"}
        </button>
      </div>
    </form>
  );
}

export const SettingsScreen = withQueries(Settings);
