import { eq } from "drizzle-orm";
import { bopaApplications } from "#db/schema/bopa";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { changeDocumentStatus } from "../documents/changeDocumentStatus";
import { RuleError } from "../errors";
import { applicationForOfficer } from "./access";
import { BOPA_TEXT_MAX } from "./checks";
import { assertTransition } from "./states";

/**
 * An officer of the host authority revokes a granted approval with a reason: the signed approval is revoked
 * in the register (the document service emails its holder, the producer who applied, the reason) and the
 * application marked revoked — in one transaction.
 */
export async function revokeBopaApproval(db: Db, actor: Actor, applicationId: string, reason: string, baseUrl: string, now = new Date()) {
  await applicationForOfficer(db, actor, applicationId);
  const text = reason?.trim() ?? "";
  if (!text) throw RuleError.field("reason", "Enter the reason for revoking, which is sent to the producer");
  if (text.length > BOPA_TEXT_MAX.reasons) throw RuleError.field("reason", `The reason must be ${BOPA_TEXT_MAX.reasons} characters or fewer`);

  return db.transaction(async (tx) => {
    const application = await applicationForOfficer(tx, actor, applicationId, { lock: true });
    const status = assertTransition(application.status, "revoke");
    const [approval] = await tx
      .select({ reference: issuedDocuments.reference, status: issuedDocuments.status })
      .from(issuedDocuments)
      .where(eq(issuedDocuments.id, application.documentId!));
    // Already revoked under Issued documents: only the application is left to mark.
    const { outboxIds } = approval.status === "revoked" ? { outboxIds: [] } : await changeDocumentStatus(tx, actor, approval.reference, "revoke", text, baseUrl);
    await tx
      .update(bopaApplications)
      .set({ status, decisionReason: text, decidedAt: now, decidedByUserId: actor.userId, updatedAt: now })
      .where(eq(bopaApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "bopa.revoked",
      recordType: "bopa-application",
      recordId: application.id,
      before: { status: application.status },
      after: { status, approval: approval.reference, reason: text },
    });
    return { status, reference: approval.reference, outboxIds };
  });
}
