import { eq } from "drizzle-orm";
import { issuedDocuments } from "#db/schema/documents";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { formatDay, isIsoDate, londonDate } from "../calendar/dates";
import { assertTransition } from "../documents/states";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { permitForEmployer } from "./access";
import { occupationText, PERMIT_TEXT_MAX, permitParties } from "./permitParties";
import { PERMIT_RECORD } from "./permitParty";
import { assertPermitTransition } from "./states";

export type EndPermitInput = {
  /** The last day of the employment, YYYY-MM-DD: today or earlier, not before the job started. */
  endedOn: string;
  reason?: string | null;
};

/** The date field of the employer's form, where date errors are shown. */
const DATE_FIELD = "endedOnDay";

/**
 * The employer reports that the job has ended: the permit is marked ended on that day, and the signed permit is
 * revoked in the register, with the end as its reason, so that anyone checking it sees it no longer covers the
 * child (the register has no "ended" status, and the signed validity dates cannot change). Audited, and the parent
 * is emailed — in one transaction.
 */
export async function endEmploymentPermit(db: Db, actor: Actor, permitId: string, input: EndPermitInput, baseUrl: string, now = new Date()) {
  const found = await permitForEmployer(db, actor, permitId);
  assertPermitTransition(found.status, "end");
  const today = londonDate(now);
  const endedOn = input.endedOn?.trim() ?? "";
  if (!isIsoDate(endedOn)) throw RuleError.field(DATE_FIELD, "Enter the date the job ended as a real date");
  if (endedOn > today) throw RuleError.field(DATE_FIELD, "The date the job ended must be today or in the past");
  if (found.startDate && endedOn < found.startDate) throw RuleError.field(DATE_FIELD, `The date the job ended must be on or after the start date, ${formatDay(found.startDate)}`);
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > PERMIT_TEXT_MAX) throw RuleError.field("reason", `The reason must be ${PERMIT_TEXT_MAX} characters or fewer`);

  return db.transaction(async (tx) => {
    const permit = await permitForEmployer(tx, actor, permitId, { lock: true });
    const status = assertPermitTransition(permit.status, "end");
    const endReason = reason ?? "The employer reported that the job has ended";
    const registerReason = `The employment ended on ${formatDay(endedOn)} (reported by the employer)`;
    const [document] = permit.documentId
      ? await tx.select().from(issuedDocuments).where(eq(issuedDocuments.id, permit.documentId)).for("update")
      : [];
    if (document && (document.status === "valid" || document.status === "suspended")) {
      const to = assertTransition(document.status, "revoke");
      await tx.update(issuedDocuments).set({ status: to, statusReason: registerReason, statusChangedAt: now }).where(eq(issuedDocuments.id, document.id));
      await recordAudit(tx, actor, {
        action: "document.revoked",
        recordType: "document",
        recordId: document.id,
        before: { status: document.status },
        after: { status: to, reason: registerReason },
      });
    }
    await tx.update(employmentPermits).set({ status, endsOn: endedOn, endedAt: now, endReason, updatedAt: now }).where(eq(employmentPermits.id, permit.id));
    await recordAudit(tx, actor, {
      action: "employment-permit.ended",
      recordType: PERMIT_RECORD,
      recordId: permit.id,
      before: { status: permit.status, endsOn: permit.endsOn },
      after: { status, endedOn, reason: endReason, by: "employer" },
    });
    const parties = await permitParties(tx, permit);
    const outboxIds: string[] = [];
    if (parties.parent) {
      outboxIds.push(
        await queueEmail(tx, parties.parent.email, "permit-ended", {
          name: parties.parent.name,
          audience: "parent",
          cause: "job-ended",
          reference: document?.reference ?? permit.reference ?? "",
          childName: parties.child?.name ?? "your child",
          businessName: parties.businessName,
          job: occupationText(permit.occupation),
          authorityName: parties.authorityName,
          endedOn,
          reason,
          url: permit.childId ? `${baseUrl}/children/${permit.childId}` : `${baseUrl}/children`,
        }),
      );
    }
    return { status, endedOn, outboxIds };
  });
}
