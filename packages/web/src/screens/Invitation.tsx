/**
 * An invitation link (`/invitations/<token>`, from the email): what it offers, and
 * Accept, which makes the person a member and opens the list. Signed out, the shell
 * shows sign-in first and comes back here. A link that is used, expired or for
 * another address is the API's 404: said as such, with nothing to accept.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useId } from "react";
import { ApiError } from "../api-client";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { useScreen } from "../app/screen";
import { acceptInvitation, previewInvitation } from "../lists/endpoints";
import { listKeys } from "../lists/queries";
import { formatMoment } from "../tasks/dates";
import { withQueries } from "../tasks/query-client";
import { currentEmail } from "../tokens";

const route = getRouteApi("/invitations/$token");

const notUsable = (error: unknown) =>
  error instanceof ApiError && (error.code === "not_found" || error.code === "validation_failed");

function InvitationPage() {
  const { token } = route.useParams();
  const id = useId();
  const heading = useScreen("Invitation");
  const navigate = useNavigate();
  const client = useQueryClient();
  const preview = useQuery({
    queryKey: ["invitations", token],
    queryFn: () => previewInvitation(token),
  });
  const accept = useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: (accepted) => {
      void client.invalidateQueries({ queryKey: listKeys.all });
      announce(`You joined “${accepted.name}”.`);
      void navigate({ to: "/lists/$listId", params: { listId: accepted.listId } });
    },
  });
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`} tabIndex={-1} ref={heading}>
        Invitation
      </h1>
      {preview.isPending ? (
        <p role="status">Loading the invitation…</p>
      ) : preview.isError ? (
        <div role="alert" className="error">
          <p>
            {notUsable(preview.error)
              ? `This invitation cannot be used: it was used already, it expired, or it was sent to another address than ${currentEmail() ?? "yours"}.`
              : describeError(preview.error)}
          </p>
          <Link to="/">Go to your Inbox</Link>
        </div>
      ) : (
        <>
          <p>
            {preview.data.invitedBy} invited you to <strong>{preview.data.name}</strong> as{" "}
            {preview.data.role === "viewer"
              ? "a viewer"
              : preview.data.role === "editor"
                ? "an editor"
                : "an owner"}
            . The link works until {formatMoment(preview.data.expiresAt)}.
          </p>
          {accept.isError ? (
            <p role="alert" className="error">
              {describeError(accept.error)}
            </p>
          ) : null}
          <button
            type="button"
            className="primary"
            disabled={accept.isPending}
            onClick={() => accept.mutate()}
          >
            Accept and open “{preview.data.name}”
          </button>
        </>
      )}
    </section>
  );
}

export const InvitationScreen = withQueries(InvitationPage);
