import { and, eq, lt } from "drizzle-orm";
import { issuedDocuments } from "#db/schema/documents";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import { systemActor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { queueEmail } from "../notifications/queueEmail";
import { occupationText, permitParties } from "./permitParties";
import { PERMIT_RECORD } from "./permitParty";
import { assertPermitTransition } from "./states";

export const SCHOOL_LEAVING_REASON = "The child reached the school leaving date (EMPLOY-SCHOOLAGE)";

/**
 * The daily job: ends every granted permit whose last day (the child's school leaving date) is before today in
 * London, audited as the system, and tells the employer and the parent. The signed permit is left as it is: its
 * validity ends on that date, so the register already shows it as expired. Each permit is claimed (granted →
 * ended) in the same transaction as its audit row and emails, so it ends once however often the job runs.
 */
export async function endPermitsAtSchoolLeaving(db: Db, baseUrl: string, now = new Date()) {
  const today = londonDate(now);
  const due = await db
    .select({ id: employmentPermits.id })
    .from(employmentPermits)
    .where(and(eq(employmentPermits.status, "granted"), lt(employmentPermits.endsOn, today)));

  const outboxIds: string[] = [];
  const ended: string[] = [];
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const status = assertPermitTransition("granted", "end");
      const [permit] = await tx
        .update(employmentPermits)
        .set({ status, endedAt: now, endReason: SCHOOL_LEAVING_REASON, updatedAt: now })
        .where(and(eq(employmentPermits.id, id), eq(employmentPermits.status, "granted"), lt(employmentPermits.endsOn, today)))
        .returning();
      if (!permit) return;
      await recordAudit(tx, systemActor, {
        action: "employment-permit.ended",
        recordType: PERMIT_RECORD,
        recordId: permit.id,
        before: { status: "granted" },
        after: { status, endedOn: permit.endsOn, reason: SCHOOL_LEAVING_REASON, by: "system" },
      });
      const [document] = permit.documentId
        ? await tx.select({ reference: issuedDocuments.reference }).from(issuedDocuments).where(eq(issuedDocuments.id, permit.documentId))
        : [];
      const parties = await permitParties(tx, permit);
      const common = {
        cause: "school-leaving" as const,
        reference: document?.reference ?? permit.reference ?? "",
        childName: parties.child?.name ?? "the child",
        businessName: parties.businessName,
        job: occupationText(permit.occupation),
        authorityName: parties.authorityName,
        endedOn: permit.endsOn ?? today,
        reason: null,
      };
      for (const employer of parties.employers) {
        outboxIds.push(await queueEmail(tx, employer.email, "permit-ended", { ...common, name: employer.name, audience: "employer", url: `${baseUrl}/employer` }));
      }
      if (parties.parent) {
        outboxIds.push(
          await queueEmail(tx, parties.parent.email, "permit-ended", {
            ...common,
            name: parties.parent.name,
            audience: "parent",
            url: permit.childId ? `${baseUrl}/children/${permit.childId}` : `${baseUrl}/children`,
          }),
        );
      }
      ended.push(permit.id);
    });
  }
  return { ended, outboxIds };
}
