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
import { inOrder, moveList } from "../lists/order";
import { useCreateList, useLists, useMoveList } from "../lists/queries";
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
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click comes from the link inside, keyboard included
    <li
      onClick={(event) => {
        // Picking a view closes the phone's menu; moving a list (its buttons) does not.
        if ((event.target as Element).closest("a")) onPick();
      }}
    >
      {children}
    </li>
  );
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
  const [reordering, setReordering] = useState(false);
  const [orderError, setOrderError] = useState<string | null>(null);
  const reorder = useMoveList();
  function move(listId: string, by: -1 | 1) {
    const placements = moveList(shown, listId, by);
    if (!placements.length) return;
    setOrderError(null);
    const order = inOrder(
      shown.map((l) => ({ ...l, ...placements.find((p) => p.listId === l.listId) })),
    );
    const at = order.findIndex((l) => l.listId === listId);
    const name = order[at]?.name ?? "";
    announce(`Moved “${name}” to place ${at + 1} of ${order.length}.`);
    // The moved list's same button, unless it is now at that end (then the other).
    const atEnd = by === -1 ? at === 0 : at === order.length - 1;
    const next = `${id}-${listId}-${(by === -1) !== atEnd ? "up" : "down"}`;
    requestAnimationFrame(() => document.getElementById(next)?.focus());
    reorder(placements, (failure) =>
      setOrderError(`Your order could not be saved (${describeError(failure)}); it is as before.`),
    );
  }
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
          <Item onPick={close}>
            <Link to="/all" activeOptions={ACTIVE}>
              All
            </Link>
          </Item>
        </ul>
        <div className="sidebar-lists-head">
          <h2 id={`${id}-lists`} className="sidebar-heading">
            Lists
          </h2>
          {shown.length > 1 ? (
            <button
              type="button"
              className="quiet"
              aria-pressed={reordering}
              onClick={() => setReordering(!reordering)}
            >
              Reorder lists
            </button>
          ) : null}
        </div>
        {lists.isError ? (
          <p className="empty">Your lists could not be loaded.</p>
        ) : (
          <ul aria-labelledby={`${id}-lists`}>
            {shown.map((list, index) => (
              <Item key={list.listId} onPick={close}>
                <Link to="/lists/$listId" params={{ listId: list.listId }} activeOptions={ACTIVE}>
                  {list.name}
                  <Count count={list} />
                </Link>
                {reordering ? (
                  <MoveButtons
                    name={list.name}
                    idPrefix={`${id}-${list.listId}`}
                    first={index === 0}
                    last={index === shown.length - 1}
                    onMove={(by) => move(list.listId, by)}
                  />
                ) : null}
              </Item>
            ))}
          </ul>
        )}
        <FormAlert id={`${id}-order-error`} message={orderError} />
        <NewList onCreated={close} />
      </div>
    </nav>
  );
}

/** Move up and Move down for one list, named for it (what a drag does, by keyboard too). */
function MoveButtons(props: {
  name: string;
  idPrefix: string;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
}) {
  return (
    <span className="move-list">
      <button
        type="button"
        id={`${props.idPrefix}-up`}
        disabled={props.first}
        onClick={() => props.onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
        <span className="visually-hidden">Move “{props.name}” up</span>
      </button>
      <button
        type="button"
        id={`${props.idPrefix}-down`}
        disabled={props.last}
        onClick={() => props.onMove(1)}
      >
        <span aria-hidden="true">↓</span>
        <span className="visually-hidden">Move “{props.name}” down</span>
      </button>
    </span>
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
