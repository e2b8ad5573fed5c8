import { Link } from "@tanstack/react-router";
import { useScreen } from "../app/screen";

export function NotFound({ what = "page" }: { what?: "page" | "task" }) {
  const heading = useScreen(what === "task" ? "Task not found" : "Page not found");
  return (
    <section aria-labelledby="not-found-heading" className="not-found">
      <h1 id="not-found-heading" tabIndex={-1} ref={heading}>
        {what === "task" ? "Task not found" : "Page not found"}
      </h1>
      <p>
        {what === "task"
          ? "This task does not exist, or it was deleted."
          : "There is nothing at this address."}
      </p>
      <p>
        <Link to="/">Go to your tasks</Link>
      </p>
    </section>
  );
}
