/**
 * Tags as chips: type a tag and press Enter or comma to add it; each chip has its
 * own remove button; Backspace in the empty field removes the last one. Text still
 * in the field when the form is sent counts as a tag (see `withPendingTag`). Tags
 * ignore case and accents ("Work" is the tag "work"), so one already there in
 * another spelling is not added twice.
 */
import { foldText } from "@taskmanager/core/task/schema";
import { type KeyboardEvent, useState } from "react";

interface Props {
  id: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  invalid: boolean;
  describedBy?: string;
  /** Lets the form read (and clear) what is typed but not yet a chip. */
  pending: string;
  onPendingChange: (text: string) => void;
}

/** `tags` plus those of `added` not already there in any spelling; and the ones left out. */
export function addTags(tags: string[], added: string[]): { tags: string[]; repeated: string[] } {
  const next = [...tags];
  const repeated: string[] = [];
  for (const tag of added) {
    if (next.some((t) => foldText(t) === foldText(tag))) repeated.push(tag);
    else next.push(tag);
  }
  return { tags: next, repeated };
}

export function withPendingTag(tags: string[], pending: string): string[] {
  const tag = pending.trim();
  return tag === "" ? tags : addTags(tags, [tag]).tags;
}

export function TagInput(props: Props) {
  const [hint, setHint] = useState("");
  const add = () => {
    const tag = props.pending.trim();
    if (tag === "") return;
    const { tags, repeated } = addTags(props.tags, [tag]);
    props.onPendingChange("");
    if (repeated.length > 0) {
      setHint(`Already tagged ${tag}.`);
      return;
    }
    props.onChange(tags);
    setHint(`Added tag ${tag}.`);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      // Enter adds a tag instead of sending the form, unless there is nothing to add.
      if (props.pending.trim() === "") return;
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && props.pending === "" && props.tags.length > 0) {
      const last = props.tags.at(-1);
      props.onChange(props.tags.slice(0, -1));
      setHint(`Removed tag ${last}.`);
    }
  };
  return (
    <div className="tag-input">
      {props.tags.length > 0 ? (
        <ul className="chips" aria-label="Tags added">
          {props.tags.map((tag, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a repeated tag is allowed until the form is checked
            <li key={`${tag}-${index}`} className="chip">
              <span>{tag}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => {
                  props.onChange(props.tags.filter((_, i) => i !== index));
                  setHint(`Removed tag ${tag}.`);
                  document.getElementById(props.id)?.focus();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={props.id}
        name="tags"
        value={props.pending}
        onChange={(e) => {
          const text = e.target.value;
          // A pasted "a, b" becomes two chips.
          if (text.includes(",")) {
            const parts = text.split(",");
            const rest = parts.pop() ?? "";
            const added = parts.map((p) => p.trim()).filter((p) => p !== "");
            const { tags } = addTags(props.tags, added);
            if (tags.length > props.tags.length) props.onChange(tags);
            props.onPendingChange(rest);
          } else {
            props.onPendingChange(text);
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={add}
        autoComplete="off"
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
      />
      <span className="visually-hidden" aria-live="polite">
        {hint}
      </span>
    </div>
  );
}
