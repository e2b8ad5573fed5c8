import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { ApiError } from "../api-client";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { useScreen } from "../app/screen";
import { clearDraft, loadDraft } from "../tasks/draft";
import { emptyValues, parseCreate, toFieldErrors } from "../tasks/form";
import { useCreateTask } from "../tasks/queries";
import { withQueries } from "../tasks/query-client";
import { forgetJustSignedIn, justSignedIn } from "../tokens";
import { TaskForm } from "../widgets/TaskForm";

const DRAFT_ID = "new";

export function NewTask() {
  const create = useCreateTask();
  const navigate = useNavigate();
  const heading = useScreen("New task");
  const [draft] = useState(() => loadDraft(DRAFT_ID));
  // The notice is only true after a sign-in round trip, not after a reload or Back.
  const [restored] = useState(() => draft !== null && justSignedIn());
  useEffect(() => forgetJustSignedIn, []);
  const error = create.error;

  return (
    <section aria-labelledby="new-task-heading">
      <h1 id="new-task-heading" tabIndex={-1} ref={heading}>
        New task
      </h1>
      <TaskForm
        initial={draft?.values ?? emptyValues}
        draftId={DRAFT_ID}
        submitLabel="Create task"
        busy={create.isPending}
        validate={(values) => {
          const parsed = parseCreate(values);
          return parsed.ok ? null : parsed.errors;
        }}
        onSubmit={async (values) => {
          const parsed = parseCreate(values);
          if (!parsed.ok) return;
          const task = await create.mutateAsync({ input: parsed.input }).catch(() => null);
          if (!task) return;
          clearDraft(DRAFT_ID);
          announce(`Created “${task.title}”.`);
          await navigate({ to: "/tasks/$taskId", params: { taskId: task.taskId } });
        }}
        saved={emptyValues}
        onCancel={() => {
          clearDraft(DRAFT_ID);
          void navigate({ to: "/" });
        }}
        serverErrors={
          error instanceof ApiError && error.issues.length > 0
            ? toFieldErrors(error.issues)
            : error
              ? { form: describeError(error) }
              : undefined
        }
      >
        {restored ? (
          <p className="notice">We restored what you had typed before signing in.</p>
        ) : null}
      </TaskForm>
    </section>
  );
}

export const NewTaskScreen = withQueries(NewTask);
