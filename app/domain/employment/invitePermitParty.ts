import { eq } from "drizzle-orm";
import { children } from "#db/schema/children";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { newToken } from "../identity/tokens";
import { queueEmail } from "../notifications/queueEmail";
import { isOccupation } from "./application";
import { editablePermit, type Party, PERMIT_RECORD } from "./permitParty";
import { PERMIT_RULES } from "./permitRules";
import { OCCUPATION_LABELS } from "./rules";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * One side asks the other to join by an emailed link: the employer asks the parent, or the parent asks the
 * employer. The link works for 14 days (EMPLOY-INVITE) and only its hash is kept; asking again replaces it.
 */
export async function invitePermitParty(db: Db, actor: Actor, permitId: string, input: { as: Party; email: string }, baseUrl: string, now = new Date()) {
  await editablePermit(db, actor, permitId, input.as, { lock: false });
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) throw RuleError.field("email", "Enter an email address in the correct format, like name@example.com");
  return db.transaction(async (tx) => {
    const permit = await editablePermit(tx, actor, permitId, input.as);
    if (input.as === "employer" && permit.parentUserId) throw RuleError.field("email", "The child's parent has already joined this application");
    if (input.as === "parent" && permit.organisationId) throw RuleError.field("email", "The employer has already joined this application");
    const { token, hash } = newToken();
    const days = PERMIT_RULES["EMPLOY-INVITE"].days;
    const expiresAt = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
    await tx
      .update(employmentPermits)
      .set({ inviteEmail: email, inviteTokenHash: hash, inviteExpiresAt: expiresAt, updatedAt: now })
      .where(eq(employmentPermits.id, permit.id));
    const invited = input.as === "employer" ? "parent" : "employer";
    await recordAudit(tx, actor, {
      action: `employment-permit.${invited}-invited`,
      recordType: PERMIT_RECORD,
      recordId: permit.id,
      after: { email, expiresAt: expiresAt.toISOString(), summary: `${invited === "parent" ? "Parent" : "Employer"} asked to join at ${email}` },
    });
    const [child] = permit.childId
      ? await tx.select({ firstName: children.firstName, lastName: children.lastName }).from(children).where(eq(children.id, permit.childId))
      : [];
    const outboxId = await queueEmail(tx, email, "permit-invitation", {
      name: invited === "parent" ? "parent or carer" : "employer",
      to: invited,
      invitedBy: actor.name,
      businessName: permit.businessName,
      childName: child ? `${child.firstName} ${child.lastName}` : null,
      job: isOccupation(permit.occupation) ? OCCUPATION_LABELS[permit.occupation] : null,
      url: `${baseUrl}/permits/join/${token}`,
      expiresInDays: days,
    });
    return { permitId: permit.id, expiresAt, outboxIds: [outboxId] };
  });
}
