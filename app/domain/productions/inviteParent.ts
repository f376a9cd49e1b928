import { eq } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { childInvitations } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { CHILD_RULES } from "../children/rules";
import { RuleError } from "../errors";
import { newToken } from "../identity/tokens";
import { queueEmail } from "../notifications/queueEmail";
import { loadOwnProduction } from "./access";

export type ParentInvitationInput = { email: string; childName: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A producer asks a parent by email to add their child to a production. The link (only its hash is kept) lets
 * the parent choose one of their children, or add one, and share them with this production.
 */
export async function inviteParent(db: Db, actor: Actor, productionId: string, input: ParentInvitationInput, baseUrl: string, now = new Date()) {
  const production = await loadOwnProduction(db, actor, productionId);
  const email = input.email?.trim().toLowerCase() ?? "";
  const childName = input.childName?.trim().replace(/\s+/g, " ") ?? "";
  const errors: Record<string, string[]> = {};
  if (!email) errors.email = ["Enter the parent's email address"];
  else if (email.length > 254 || !EMAIL.test(email)) errors.email = ["Enter an email address in the correct format, like name@example.com"];
  if (!childName) errors.childName = ["Enter the child's full name"];
  else if (childName.length > 200) errors.childName = ["The child's name must be 200 characters or fewer"];
  if (Object.keys(errors).length) throw new RuleError(errors);

  const { token, hash } = newToken();
  const days = CHILD_RULES.invitationDays.days;
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(childInvitations)
      .values({ productionId: production.id, email, childName, tokenHash: hash, expiresAt, invitedByUserId: actor.userId!, createdAt: now })
      .returning({ id: childInvitations.id });
    await recordAudit(tx, actor, {
      action: "production.parent-invited",
      recordType: "production",
      recordId: production.id,
      after: { invitationId: invitation.id, email, childName },
    });
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, production.organisationId));
    const outboxId = await queueEmail(tx, email, "child-invitation", {
      name: "parent or carer",
      childName,
      organisationName: organisation.name,
      productionTitle: production.title,
      invitedBy: actor.name,
      url: `${baseUrl}/child-invitations/${token}`,
      expiresInDays: days,
    });
    return { invitationId: invitation.id, outboxIds: [outboxId] };
  });
}
