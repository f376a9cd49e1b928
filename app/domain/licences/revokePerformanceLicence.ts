import { eq } from "drizzle-orm";
import { issuedDocuments } from "#db/schema/documents";
import { performanceApplications } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { changeDocumentStatus } from "../documents/changeDocumentStatus";
import { DOCUMENT_KINDS } from "../documents/kinds";
import { STATUS_LABELS } from "../documents/states";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { applicationParties, LICENCE_RECORD, LICENCE_TEXT_MAX, submittedForOfficer } from "./officerScope";
import { assertLicenceTransition } from "./states";

/**
 * An officer of the child's home authority revokes a granted licence with a reason (a condition broken, or
 * the grant test no longer met): the signed licence is revoked in the register (the document service emails
 * the licence holder), the parent is emailed too, and the application is marked revoked — in one transaction.
 */
export async function revokePerformanceLicence(db: Db, actor: Actor, applicationId: string, reason: string, baseUrl: string, now = new Date()) {
  await submittedForOfficer(db, actor, applicationId);
  const text = reason?.trim() ?? "";
  if (!text) throw RuleError.field("reason", "Enter the reason for revoking, which is sent to the producer and the parent");
  if (text.length > LICENCE_TEXT_MAX) throw RuleError.field("reason", `The reason must be ${LICENCE_TEXT_MAX} characters or fewer`);

  return db.transaction(async (tx) => {
    const application = await submittedForOfficer(tx, actor, applicationId, { lock: true });
    const status = assertLicenceTransition(application.status, "revoke");
    const [licence] = await tx
      .select({ reference: issuedDocuments.reference, status: issuedDocuments.status })
      .from(issuedDocuments)
      .where(eq(issuedDocuments.id, application.documentId!));
    // Already revoked under Issued documents: only the application is left to mark.
    const { outboxIds } = licence.status === "revoked" ? { outboxIds: [] as string[] } : await changeDocumentStatus(tx, actor, licence.reference, "revoke", text, baseUrl);
    await tx
      .update(performanceApplications)
      .set({ status, decisionReason: text, decidedAt: now, decidedByUserId: actor.userId, updatedAt: now })
      .where(eq(performanceApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "licence.revoked",
      recordType: LICENCE_RECORD,
      recordId: application.id,
      before: { status: application.status },
      after: { status, licence: licence.reference, reason: text },
    });
    const p = await applicationParties(tx, application);
    outboxIds.push(
      await queueEmail(tx, p.child.parentEmail, "document-status-changed", {
        name: p.child.parentName,
        documentTitle: DOCUMENT_KINDS["performance-licence"].title,
        reference: licence.reference,
        status: STATUS_LABELS.revoked,
        reason: text,
        authorityName: p.authorityName,
        url: `${baseUrl}/verify/${licence.reference}`,
      }),
    );
    return { status, reference: licence.reference, outboxIds };
  });
}
