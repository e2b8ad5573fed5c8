/**
 * An owner's actions on a list, in its header: share, rename in place, and delete,
 * which asks first, saying that the list's tasks go with it, and can be undone.
 */

import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { List } from "@taskmanager/core/list/schema";
import { type FormEvent, useId, useRef, useState } from "react";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { useRenameList } from "../lists/queries";
import { scheduleListDelete } from "../tasks/deletion";
import { DeleteButton } from "./DeleteButton";
import { FormAlert } from "./FormAlert";

interface Props {
  list: List;
  /** Whether the share panel is open (the panel itself sits under the header). */
  sharing: boolean;
  onShare: () => void;
}

export function ListActions({ list, sharing, onShare }: Props) {
  const [renaming, setRenaming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  if (renaming) {
    return (
      <RenameForm
        list={list}
        done={() => {
          setRenaming(false);
          // Back where the person started, whether they saved or cancelled.
          requestAnimationFrame(() => opener.current?.focus());
        }}
      />
    );
  }
  return (
    <div className="list-actions">
      <button type="button" aria-expanded={sharing} onClick={onShare}>
        Share
      </button>
      <button type="button" ref={opener} onClick={() => setRenaming(true)}>
        Rename<span className="visually-hidden"> list “{list.name}”</span>
      </button>
      <DeleteList list={list} />
    </div>
  );
}

function RenameForm({ list, done }: { list: List; done: () => void }) {
  const id = useId();
  const rename = useRenameList();
  const [name, setName] = useState(list.name);
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError("Name must not be empty.");
      return;
    }
    rename.mutate(
      { listId: list.listId, input: { version: list.version, name } },
      {
        onSuccess: (saved) => {
          announce(`Renamed to “${saved.name}”.`);
          done();
        },
        onError: (failure) => setError(describeError(failure)),
      },
    );
  }
  return (
    <form
      className="rename-list"
      onSubmit={submit}
      noValidate
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          done();
        }
      }}
    >
      <label htmlFor={`${id}-name`}>List name</label>
      <input
        id={`${id}-name`}
        value={name}
        // biome-ignore lint/a11y/noAutofocus: the person asked to rename: the field is what they came for
        autoFocus
        onChange={(e) => setName(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
      />
      <button type="submit" className="primary" disabled={rename.isPending}>
        Save
      </button>
      <button type="button" onClick={done}>
        Cancel
      </button>
      <FormAlert id={`${id}-error`} message={error} />
    </form>
  );
}

/**
 * Asks (naming the tasks that go with it), then the list leaves at once and Undo is
 * offered for the toast's time; the DELETE, with its tasks, goes after it
 * (`tasks/deletion.ts`, the outbox task deletes use, so a reload does not lose it).
 */
function DeleteList({ list }: { list: List }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const open =
    list.openTasks > 0 ? ` (${list.openTasks}${list.openTasksCapped ? "+" : ""} open)` : "";
  return (
    <DeleteButton
      name={list.name}
      question={`Delete this list and every task in it${open}, completed ones included?`}
      onConfirm={() => {
        scheduleListDelete(client, list);
        void navigate({ to: "/" });
      }}
    />
  );
}
