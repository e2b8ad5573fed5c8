/**
 * The views and the person's lists, with their open-task counts. Loaded on demand
 * (the entry chunk has a size budget). On a phone (CSS, max-width 40rem) it folds
 * behind a "Menu" button, which closes again once a view is chosen.
 */
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import type { ListsOfPerson } from "@taskmanager/core/list/schema";
import { type FormEvent, type ReactNode, useId, useLayoutEffect, useState } from "react";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { useCreateList, useLists } from "../lists/queries";
import { pendingDeletes, resumePendingDeletes } from "../tasks/deletion";
import { withQueries } from "../tasks/query-client";
import { FormAlert } from "./FormAlert";

/** "3", or "999+" past the count's cap; read out as "3 open". */
function Count({ count }: { count?: ListsOfPerson["inbox"] }) {
  if (!count) return null;
  const text = `${count.openTasks}${count.openTasksCapped ? "+" : ""}`;
  return (
    <span className="count">
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{`, ${text} open`}</span>
    </span>
  );
}

// Active whatever the view's own search (?done=1): the view is what the link names.
const ACTIVE = { includeSearch: false } as const;

function Item({ children, onPick }: { children: ReactNode; onPick: () => void }) {
  // biome-ignore lint/a11y/useKeyWithClickEvents: the click comes from the link inside, keyboard included
  return <li onClick={onPick}>{children}</li>;
}

function SidebarNav() {
  const id = useId();
  const [open, setOpen] = useState(false);
  const lists = useLists();
  const client = useQueryClient();
  // Deletes a previous page left unconfirmed (a list's too) stay hidden, and are sent.
  useLayoutEffect(() => resumePendingDeletes(client), [client]);
  const hidden = pendingDeletes.use();
  const shown = lists.data?.items.filter((list) => !hidden.has(list.listId)) ?? [];
  const close = () => setOpen(false);
  return (
    <nav aria-label="Lists" className="sidebar" data-open={open || undefined}>
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open)}
      >
        Menu
      </button>
      <div id={`${id}-panel`} className="sidebar-panel">
        <ul className="views">
          <Item onPick={close}>
            <Link to="/" activeOptions={{ exact: true, ...ACTIVE }}>
              Inbox
              <Count count={lists.data?.inbox} />
            </Link>
          </Item>
          <Item onPick={close}>
            <Link to="/today" activeOptions={ACTIVE}>
              Today
            </Link>
          </Item>
          <Item onPick={close}>
            <Link to="/upcoming" activeOptions={ACTIVE}>
              Upcoming
            </Link>
          </Item>
        </ul>
        <h2 id={`${id}-lists`} className="sidebar-heading">
          Lists
        </h2>
        {lists.isError ? (
          <p className="empty">Your lists could not be loaded.</p>
        ) : (
          <ul aria-labelledby={`${id}-lists`}>
            {shown.map((list) => (
              <Item key={list.listId} onPick={close}>
                <Link to="/lists/$listId" params={{ listId: list.listId }} activeOptions={ACTIVE}>
                  {list.name}
                  <Count count={list} />
                </Link>
              </Item>
            ))}
          </ul>
        )}
        <NewList onCreated={close} />
      </div>
    </nav>
  );
}

/** A name and Enter: the list is made and opened (its heading takes focus, as any screen's). */
function NewList({ onCreated }: { onCreated: () => void }) {
  const id = useId();
  const create = useCreateList();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError("Name must not be empty.");
      return;
    }
    setError(null);
    create.mutate(
      { name },
      {
        onSuccess: (list) => {
          setName("");
          announce(`Created list “${list.name}”.`);
          onCreated();
          void navigate({ to: "/lists/$listId", params: { listId: list.listId } });
        },
        onError: (failure) => setError(describeError(failure)),
      },
    );
  }
  return (
    <form className="new-list" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-name`}>New list</label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="e.g. Groceries"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="submit" disabled={create.isPending}>
        Add list
      </button>
      <FormAlert id={`${id}-error`} message={error} />
    </form>
  );
}

export const Sidebar = withQueries(SidebarNav);
