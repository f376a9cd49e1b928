import { and, desc, eq, inArray } from "drizzle-orm";
import { chaperoneApplications } from "#db/schema/chaperones";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { assertApplicant, OPEN_STATUSES } from "./applicantScope";

/**
 * A chaperone starts an application — or carries on with the one they have: an applicant has at most one open
 * (undecided) application, so this returns the existing one rather than making a second. Safe to repeat (decision
 * 028): a double-click, two tabs or a replayed POST, even on different app processes, make one draft and one audit
 * row; every answer leads to the same task list. The unique index `chaperone_applications_one_open_idx` guarantees it.
 */
export async function startChaperoneApplication(db: Db, actor: Actor) {
  assertApplicant(actor);
  return db.transaction(async (tx) => {
    // Locking the applicant's own row serialises two starts at once, so the second finds the first's draft. "No key
    // update" leaves the row free for the key-share locks of foreign keys (their sessions, uploads, audit rows).
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for("no key update");
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
