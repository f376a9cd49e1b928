import { and, desc, eq, inArray } from "drizzle-orm";
import { chaperoneApplications } from "#db/schema/chaperones";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { assertApplicant, OPEN_STATUSES } from "./applicantScope";

/**
 * A chaperone starts an application — or carries on with the one they have: an applicant has at most one open
 * (undecided) application, so this returns the existing one rather than making a second.
 */
export async function startChaperoneApplication(db: Db, actor: Actor) {
  assertApplicant(actor);
  return db.transaction(async (tx) => {
    // Locking the applicant's own row serialises two starts at once (a double-click, two tabs).
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for("update");
    const [open] = await tx
      .select({ id: chaperoneApplications.id, status: chaperoneApplications.status })
      .from(chaperoneApplications)
      .where(and(eq(chaperoneApplications.applicantUserId, actor.userId), inArray(chaperoneApplications.status, OPEN_STATUSES)))
      .orderBy(desc(chaperoneApplications.createdAt))
      .limit(1);
    if (open) return { applicationId: open.id, created: false, status: open.status };
    const [application] = await tx
      .insert(chaperoneApplications)
      .values({ applicantUserId: actor.userId })
      .returning({ id: chaperoneApplications.id, status: chaperoneApplications.status });
    await recordAudit(tx, actor, {
      action: "chaperone-application.started",
      recordType: "chaperone-application",
      recordId: application.id,
      after: { status: application.status },
    });
    return { applicationId: application.id, created: true, status: application.status };
  });
}
