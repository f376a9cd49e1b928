import { eq } from "drizzle-orm";
import { issuedDocuments } from "#db/schema/documents";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { changeDocumentStatus } from "../documents/changeDocumentStatus";
import { queueEmail } from "../notifications/queueEmail";
import { permitForOfficer } from "./access";
import { occupationText, permitParties, permitReasons } from "./permitParties";
import { PERMIT_RECORD } from "./permitParty";
import { assertPermitTransition } from "./states";

/**
 * An officer of the authority where the work happens revokes a granted permit with reasons (the work is unlawful,
 * or the child's health, welfare or education suffers): the signed permit is revoked in the register, the permit
 * is marked revoked, and the employer and the parent are emailed the reasons — in one transaction.
 */
export async function revokeEmploymentPermit(db: Db, actor: Actor, permitId: string, reasons: string, baseUrl: string, now = new Date()) {
  await permitForOfficer(db, actor, permitId);
  const text = permitReasons("reasons", reasons, "Enter the reasons for revoking, which are sent to the employer and the parent");

  return db.transaction(async (tx) => {
    const permit = await permitForOfficer(tx, actor, permitId, { lock: true });
    const status = assertPermitTransition(permit.status, "revoke");
    const [document] = await tx
      .select({ reference: issuedDocuments.reference, status: issuedDocuments.status })
      .from(issuedDocuments)
      .where(eq(issuedDocuments.id, permit.documentId!));
    // Already revoked under Issued documents: only the permit is left to mark. The emails below tell everyone.
    if (document.status !== "revoked") await changeDocumentStatus(tx, actor, document.reference, "revoke", text, baseUrl, { notifyHolder: false });
    await tx
      .update(employmentPermits)
      .set({ status, decisionReason: text, decidedAt: now, decidedByUserId: actor.userId, updatedAt: now })
      .where(eq(employmentPermits.id, permit.id));
    await recordAudit(tx, actor, {
      action: "employment-permit.revoked",
      recordType: PERMIT_RECORD,
      recordId: permit.id,
      before: { status: permit.status },
      after: { status, permit: document.reference, reason: text },
    });
    const parties = await permitParties(tx, permit);
    const common = {
      reference: document.reference,
      childName: parties.child?.name ?? "the child",
      businessName: parties.businessName,
      job: occupationText(permit.occupation),
      authorityName: parties.authorityName,
      reasons: text,
      url: `${baseUrl}/verify/${document.reference}`,
    };
    const outboxIds: string[] = [];
    for (const employer of parties.employers) outboxIds.push(await queueEmail(tx, employer.email, "permit-revoked", { ...common, name: employer.name, audience: "employer" }));
    if (parties.parent) outboxIds.push(await queueEmail(tx, parties.parent.email, "permit-revoked", { ...common, name: parties.parent.name, audience: "parent" }));
    return { status, reference: document.reference, outboxIds };
  });
}
