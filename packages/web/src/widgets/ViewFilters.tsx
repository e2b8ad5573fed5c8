/**
 * Search and the tag filter within a view (Today, Upcoming, a list), kept in the URL
 * as the Inbox keeps its own (`?q=&tag=`): typing is sent after a pause, the first
 * pause of some typing a new step Back undoes, later ones refining it in place.
 */
import { useNavigate } from "@tanstack/react-router";
import { SearchText, Tag } from "@taskmanager/core/task/schema";
import { useEffect, useId, useRef, useState } from "react";
import type { ViewSearch } from "../search";

/** As the Inbox's search: the pause before sending, and how long typing counts as one search. */
const SEARCH_DELAY_MS = 300;
const SEARCH_SETTLED_MS = 1_500;

/** The link's search and tag as the API takes them; what it would refuse is left out. */
export function viewFilter(search: ViewSearch): { q?: string; tag?: string } {
  const q = SearchText.safeParse(search.q);
  const tag = Tag.safeParse(search.tag);
  return {
    ...(q.success ? { q: q.data } : {}),
    ...(tag.success ? { tag: tag.data } : {}),
  };
}

/** What an empty view says when a search or a tag is on (undefined when neither is). */
export function emptyFiltered({ q, tag }: { q?: string; tag?: string }): string | undefined {
  if (q) return `No tasks match “${q}”.`;
  if (tag) return `No tasks are tagged “${tag}”.`;
  return undefined;
}

export function ViewFilters({ q, tag }: { q?: string; tag?: string }) {
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState(q ?? "");
  const typed = useRef(false);
  const lastWrite = useRef(0);
  // Back or a link can change q under the box; follow it unless the person is typing.
  useEffect(() => {
    if (!typed.current) setText(q ?? "");
  }, [q]);
  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => {
      typed.current = false;
      const value = text.trim();
      const now = Date.now();
      const refining = now - lastWrite.current < SEARCH_SETTLED_MS;
      lastWrite.current = now;
      void navigate({
        to: ".",
        search: (prev: ViewSearch): ViewSearch => ({ ...prev, q: value || undefined }),
        replace: refining,
      });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, navigate]);

  return (
    <search className="filters view-filters" aria-label="Find tasks in this view">
      <div className="search-field">
        <label htmlFor={`${id}-search`}>Search</label>
        <input
          id={`${id}-search`}
          type="search"
          value={text}
          placeholder="Title, description or tag"
          autoComplete="off"
          onChange={(e) => {
            typed.current = true;
            setText(e.target.value);
          }}
        />
      </div>
      {tag ? (
        <div className="tag-filter">
          <span className="label">Tag</span>
          <span className="chip">
            <span>{tag}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Stop filtering by tag ${tag}`}
              onClick={() => {
                lastWrite.current = 0;
                void navigate({
                  to: ".",
                  search: (prev: ViewSearch): ViewSearch => ({ ...prev, tag: undefined }),
                });
              }}
            >
              ×
            </button>
          </span>
        </div>
      ) : null}
    </search>
  );
}
