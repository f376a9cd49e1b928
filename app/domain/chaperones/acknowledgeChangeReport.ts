import { and, eq, inArray } from "drizzle-orm";
import { chaperoneChangeReports } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { NotFoundError, RuleError } from "../errors";
import { authorityScope } from "../identity/capabilities";
import { UUID } from "./changeReportsForOfficer";

/** The officer has read the report and dealt with it (suspending the approval, if needed, is done on the document). Audited. */
export async function acknowledgeChangeReport(db: Db, actor: Actor, reportId: string, now = new Date()) {
  const scope = authorityScope(actor, "chaperone-application:decide");
  if (!scope.length || !UUID.test(reportId)) throw new NotFoundError("Report");
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select()
      .from(chaperoneChangeReports)
      .where(and(eq(chaperoneChangeReports.id, reportId), inArray(chaperoneChangeReports.authorityId, scope)))
      .for("update");
    if (!report) throw new NotFoundError("Report");
    if (report.acknowledgedAt) throw RuleError.field("", `This report was already acknowledged by ${report.acknowledgedBy}`);
    await tx.update(chaperoneChangeReports).set({ acknowledgedBy: actor.name, acknowledgedAt: now }).where(eq(chaperoneChangeReports.id, report.id));
    await recordAudit(tx, actor, {
      action: "chaperone.change-acknowledged",
      recordType: "chaperone-change-report",
      recordId: report.id,
      before: { acknowledgedAt: null },
      after: { acknowledgedBy: actor.name, acknowledgedAt: now.toISOString() },
    });
    return { reportId: report.id };
  });
}
