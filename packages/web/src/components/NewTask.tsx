import { ApiError } from "../api-client";
import { navigate } from "../router";
import { clearDraft, loadDraft } from "../tasks/draft";
import { emptyValues, parseCreate, toFieldErrors } from "../tasks/form";
import { useCreateTask } from "../tasks/queries";
import { describeError } from "./error-message";
import { TaskForm } from "./TaskForm";

const DRAFT_ID = "new";

export function NewTask() {
  const create = useCreateTask();
  const draft = loadDraft(DRAFT_ID);
  const error = create.error;

  return (
    <section aria-labelledby="new-task-heading">
      <h1 id="new-task-heading" tabIndex={-1}>
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
        onSubmit={(values) => {
          const parsed = parseCreate(values);
          if (!parsed.ok) return;
          create.mutate(parsed.input, {
            onSuccess: (task) => {
              clearDraft(DRAFT_ID);
              navigate(`/tasks/${task.taskId}`);
            },
          });
        }}
        onCancel={() => {
          clearDraft(DRAFT_ID);
          navigate("/");
        }}
        serverErrors={
          error instanceof ApiError && error.issues.length > 0
            ? toFieldErrors(error.issues)
            : error
              ? { form: describeError(error) }
              : undefined
        }
      >
        {draft ? <p className="notice">We restored what you had typed before signing in.</p> : null}
      </TaskForm>
    </section>
  );
}
