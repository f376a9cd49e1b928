import { and, eq, inArray } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { CHANGE_REPORT_KINDS, type ChangeReportKind, chaperoneChangeReports } from "#db/schema/chaperones";
import { issuedDocuments } from "#db/schema/documents";
import { memberships, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { NotFoundError, RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { assertApplicant } from "./applicantScope";
import { CHANGE_REPORT_KIND_LABELS } from "./changeReports";
import { CHAPERONE_RULES, isLateReport } from "./rules";

export type ChangeReportInput = { documentReference: string; kind: string; details: string; happenedOn: string };

export const CHANGE_DETAILS_MAX = 2000;

/**
 * An approved chaperone tells the approving council about a change (CHAPLIC-REPORT: within 7 days). The
 * report is kept even when it is late, flagged for the officer. Every officer of the approving authority is
 * emailed; the report and its audit row are written with the emails in one transaction.
 */
export async function reportChaperoneChange(db: Db, actor: Actor, input: ChangeReportInput, baseUrl: string, { now = new Date() }: { now?: Date } = {}) {
  assertApplicant(actor);
  const today = londonDate(now);
  const errors: Record<string, string[]> = {};
  const kind = input.kind as ChangeReportKind;
  if (!CHANGE_REPORT_KINDS.includes(kind)) errors.kind = ["Select what has changed"];
  const details = input.details?.trim() ?? "";
  if (!details) errors.details = ["Enter details of the change"];
  else if (details.length > CHANGE_DETAILS_MAX) errors.details = [`Details must be ${CHANGE_DETAILS_MAX} characters or fewer`];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.happenedOn ?? "")) errors.happenedOnDay = ["Enter the date it happened"];
  else if (input.happenedOn > today) errors.happenedOnDay = ["The date it happened must be today or in the past"];
  if (Object.keys(errors).length) throw new RuleError(errors);
  const late = isLateReport(input.happenedOn, today);

  return db.transaction(async (tx) => {
    // Only the holder's own approval, while it is in force or suspended: anyone else's is "not found".
    const [approval] = await tx
      .select({ id: issuedDocuments.id, reference: issuedDocuments.reference, authorityId: issuedDocuments.authorityId, holderName: issuedDocuments.holderName })
      .from(issuedDocuments)
      .where(
        and(
          eq(issuedDocuments.reference, input.documentReference),
          eq(issuedDocuments.kind, "chaperone-licence"),
          eq(issuedDocuments.holderUserId, actor.userId),
          inArray(issuedDocuments.status, ["valid", "suspended"]),
        ),
      );
    if (!approval) throw new NotFoundError("Approval");
    const [report] = await tx
      .insert(chaperoneChangeReports)
      .values({ documentId: approval.id, applicantUserId: actor.userId, authorityId: approval.authorityId, kind, details, happenedOn: input.happenedOn, late, reportedAt: now })
      .returning({ id: chaperoneChangeReports.id });
    await recordAudit(tx, actor, {
      action: "chaperone.change-reported",
      recordType: "chaperone-change-report",
      recordId: report.id,
      after: { licence: approval.reference, kind, happenedOn: input.happenedOn, late, summary: `${CHANGE_REPORT_KIND_LABELS[kind]} on ${input.happenedOn}${late ? " (reported late)" : ""}` },
    });
    const [authority] = await tx.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, approval.authorityId));
    const officers = await tx
      .selectDistinct({ email: users.email, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.authorityId, approval.authorityId), eq(memberships.role, "officer")));
    const outboxIds: string[] = [];
    for (const officer of officers) {
      outboxIds.push(
        await queueEmail(tx, officer.email, "chaperone-change-reported", {
          name: officer.name,
          chaperoneName: approval.holderName,
          reference: approval.reference,
          change: CHANGE_REPORT_KIND_LABELS[kind],
          happenedOn: input.happenedOn,
          late,
          lateAfterDays: CHAPERONE_RULES["CHAPLIC-REPORT"].days,
          authorityName: authority.name,
          url: `${baseUrl}/officer/chaperones/changes/${report.id}`,
        }),
      );
    }
    return { reportId: report.id, late, outboxIds };
  });
}
