import { eq } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { loadOwnChild } from "../children/access";
import { ForbiddenError, LinkExpiredError, NotFoundError, RuleError } from "../errors";
import { can, organisationScope } from "../identity/capabilities";
import { invitedParty, permitForInvite } from "./describePermitInvitation";
import { PERMIT_RECORD } from "./permitParty";

/**
 * The invited side joins by the emailed link. A parent (signed in with the parent role) picks which of their
 * children the job is for; an employer joins with their organisation (the only one, or the one picked). The link
 * then stops working: its hash is cleared and the permit is reached from each side's own pages.
 */
export async function joinPermitByLink(db: Db, actor: Actor, token: string, input: { childId?: string; organisationId?: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const permit = await permitForInvite(tx, token, now, { lock: true });
    if (!permit) throw new LinkExpiredError("expired");
    const invites = invitedParty(permit);
    const cleared = { inviteTokenHash: null, inviteExpiresAt: null, updatedAt: now };
    if (invites === "parent") {
      if (!can(actor, "parent:use")) throw new ForbiddenError("Add the parent role to your account to answer this request");
      const child = await loadOwnChild(tx, actor, input.childId ?? "").catch((error) => {
        if (error instanceof NotFoundError) throw RuleError.field("childId", "Select the child who will do the job");
        throw error;
      });
      await tx
        .update(employmentPermits)
        .set({ ...cleared, parentUserId: actor.userId, childId: child.id })
        .where(eq(employmentPermits.id, permit.id));
      await recordAudit(tx, actor, {
        action: "employment-permit.parent-joined",
        recordType: PERMIT_RECORD,
        recordId: permit.id,
        after: { parentUserId: actor.userId, childId: child.id, summary: `${actor.name} joined for ${child.firstName} ${child.lastName}` },
      });
      return { permitId: permit.id, joinedAs: "parent" as const, childId: child.id };
    }
    const scope = organisationScope(actor, "employer:use");
    if (!scope.length) throw new ForbiddenError("Add the employer role to your account to answer this request");
    const organisationId = input.organisationId ?? (scope.length === 1 ? scope[0] : undefined);
    if (!organisationId || !scope.includes(organisationId)) throw RuleError.field("organisationId", "Select the business the child will work for");
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
    await tx
      .update(employmentPermits)
      .set({ ...cleared, organisationId, businessName: permit.businessName ?? organisation.name })
      .where(eq(employmentPermits.id, permit.id));
    await recordAudit(tx, actor, {
      action: "employment-permit.employer-joined",
      recordType: PERMIT_RECORD,
      recordId: permit.id,
      after: { organisationId, summary: `${actor.name} joined for ${organisation.name}` },
    });
    return { permitId: permit.id, joinedAs: "employer" as const, childId: permit.childId };
  });
}
