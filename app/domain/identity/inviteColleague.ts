import { eq } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { invitations } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { ForbiddenError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { can } from "./capabilities";
import { ACCOUNT_RULES } from "./rules";
import { newToken } from "./tokens";

/** A member of a production company or employer invites a colleague to the same organisation. */
export async function inviteColleague(db: Db, actor: Actor, input: { organisationId: string; name: string; email: string }, baseUrl: string) {
  if (!can(actor, "organisation:invite", { organisationId: input.organisationId })) throw new ForbiddenError();
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, input.organisationId));
  if (!organisation) throw new ForbiddenError();
  const email = input.email.trim().toLowerCase();
  const { token, hash } = newToken();
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(invitations)
      .values({
        email,
        name: input.name.trim(),
        role: organisation.kind,
        organisationId: organisation.id,
        invitedBy: actor.userId!,
        tokenHash: hash,
        expiresAt: new Date(Date.now() + ACCOUNT_RULES.invitationDays * 86400_000),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: "organisation.colleague-invited",
      recordType: "organisation",
      recordId: organisation.id,
      after: { invitationId: invitation.id, email },
    });
    const outboxId = await queueEmail(tx, email, "staff-invitation", {
      name: invitation.name,
      invitedBy: actor.name,
      roleDescription: `a member of ${organisation.name}`,
      url: `${baseUrl}/invitations/${token}`,
      expiresInDays: ACCOUNT_RULES.invitationDays,
    });
    return { invitationId: invitation.id, outboxIds: [outboxId] };
  });
}
