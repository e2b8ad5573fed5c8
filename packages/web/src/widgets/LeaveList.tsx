/**
 * Leave a list, for any member, after asking. The server refuses its last owner
 * (a list always keeps one): that refusal is shown in its own words, and the
 * person stays. Once left, the list is gone from the sidebar and the screen.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { List } from "@taskmanager/core/list/schema";
import { useId, useState } from "react";
import { ApiError } from "../api-client";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { leaveList } from "../lists/endpoints";
import { DeleteButton } from "./DeleteButton";
import { FormAlert } from "./FormAlert";

export function LeaveList({ list }: { list: Pick<List, "listId" | "name"> }) {
  const id = useId();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const leave = useMutation({
    mutationFn: () => leaveList(list.listId),
    onSuccess: async () => {
      announce(`You left “${list.name}”.`);
      await navigate({ to: "/" });
      // Its tasks may be in any view: none may show them now.
      for (const queryKey of [["lists"], ["views"], ["tasks"]]) {
        void client.invalidateQueries({ queryKey });
      }
    },
    onError: (failure) =>
      setError(
        failure instanceof ApiError && failure.code === "not_found"
          ? "This list does not exist any more, or you are no longer in it."
          : describeError(failure),
      ),
  });
  return (
    <>
      <DeleteButton
        action="Leave"
        name={list.name}
        question={`Leave “${list.name}”? You will no longer see it or its tasks.`}
        disabled={leave.isPending}
        onConfirm={() => {
          setError(null);
          leave.mutate();
        }}
      />
      <FormAlert id={`${id}-error`} message={error} />
    </>
  );
}
