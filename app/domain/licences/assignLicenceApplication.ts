import { eq } from "drizzle-orm";
import { users } from "#db/schema/identity";
import { performanceApplications } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { LICENCE_RECORD, submittedForOfficer } from "./officerScope";

/**
 * An officer of the application's authority takes it on ("Assign to me", replacing whoever had it) or lets
 * it go (`assign` false: only the officer it is assigned to can). Audited; the status does not change.
 */
export async function assignLicenceApplication(db: Db, actor: Actor, applicationId: string, assign: boolean, now = new Date()) {
  await submittedForOfficer(db, actor, applicationId);
  return db.transaction(async (tx) => {
    const application = await submittedForOfficer(tx, actor, applicationId, { lock: true });
    const current = application.assignedOfficerUserId;
    const [previous] = current ? await tx.select({ name: users.name }).from(users).where(eq(users.id, current)) : [];
    if (assign && current === actor.userId) throw RuleError.field("", "This application is already assigned to you");
    if (!assign && current !== actor.userId) throw RuleError.field("", "This application is not assigned to you");
    const next = assign ? actor.userId : null;
    await tx.update(performanceApplications).set({ assignedOfficerUserId: next, updatedAt: now }).where(eq(performanceApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: assign ? "licence.assigned" : "licence.unassigned",
      recordType: LICENCE_RECORD,
      recordId: application.id,
      before: { assignedTo: previous?.name ?? null },
      after: { assignedTo: assign ? actor.name : null, summary: assign ? actor.name : undefined },
    });
    return { assigned: next };
  });
}
