import { eq } from "drizzle-orm";
import { children } from "#db/schema/children";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { incompleteParentSections, isEmployerPartComplete } from "./application";
import { editablePermit, employerContacts, PERMIT_RECORD } from "./permitParty";

/**
 * The parent confirms their part (health and consent) from check your answers. Audited; the employer's people are
 * emailed when the employer has joined. Errors are keyed by section so the page can link to each question.
 */
export async function confirmParentPermitPart(db: Db, actor: Actor, permitId: string, baseUrl: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const permit = await editablePermit(tx, actor, permitId, "parent");
    const missing = incompleteParentSections(permit);
    if (Object.keys(missing).length) throw new RuleError(Object.fromEntries(Object.entries(missing).map(([slug, message]) => [slug, [message]])));
    if (permit.parentPartCompletedAt) return { permitId: permit.id, childId: permit.childId, outboxIds: [] };

    await tx.update(employmentPermits).set({ parentPartCompletedAt: now, updatedAt: now }).where(eq(employmentPermits.id, permit.id));
    await recordAudit(tx, actor, {
      action: "employment-permit.parent-part-completed",
      recordType: PERMIT_RECORD,
      recordId: permit.id,
      before: { parentPartCompletedAt: null },
      after: { parentPartCompletedAt: now.toISOString(), consentName: permit.consentName },
    });
    const outboxIds: string[] = [];
    if (permit.organisationId && permit.childId) {
      const [child] = await tx.select({ firstName: children.firstName, lastName: children.lastName }).from(children).where(eq(children.id, permit.childId));
      const employerPartComplete = isEmployerPartComplete(permit);
      for (const contact of await employerContacts(tx, permit.organisationId)) {
        outboxIds.push(
          await queueEmail(tx, contact.email, "permit-parent-part-complete", {
            name: contact.name,
            childName: `${child.firstName} ${child.lastName}`,
            businessName: permit.businessName ?? "your business",
            employerPartComplete,
            url: `${baseUrl}/employer/permits/${permit.id}${employerPartComplete ? "/submit" : ""}`,
          }),
        );
      }
    }
    return { permitId: permit.id, childId: permit.childId, outboxIds };
  });
}
