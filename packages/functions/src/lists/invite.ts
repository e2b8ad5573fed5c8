import * as Invitation from "@taskmanager/core/invitation";
import { INVITATION_DAYS } from "@taskmanager/core/list/schema";
import { Resource } from "sst";
import { authedRoute } from "../http/handler";
import { sendInvitation } from "../issuer/email";
import { listRoutes } from "../routes/lists";

/** The web app's invitation page for a token (the first allowed web origin). */
const linkTo = (token: string) => `${Resource.AuthClients.web[0] ?? ""}/invitations/${token}`;

export const handler = authedRoute(listRoutes.invite, async ({ body, user, grant }) => {
  const { invitation, token, listName } = await Invitation.create(grant.listId, user, body);
  // The token leaves only in the email: the response (and so the inviter) never holds it.
  await sendInvitation(invitation.email, {
    listName,
    invitedBy: user.email,
    role: invitation.role,
    link: linkTo(token),
    days: INVITATION_DAYS,
  });
  return { status: 201, body: invitation };
});
