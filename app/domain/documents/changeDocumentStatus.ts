import { and, eq, inArray } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { NotFoundError } from "../errors";
import { authorityScope } from "../identity/capabilities";
import { queueEmail } from "../notifications/queueEmail";
import { DOCUMENT_KINDS, type DocumentKind } from "./kinds";
import { assertTransition, STATUS_LABELS } from "./states";

export type StatusAction = "suspend" | "reinstate" | "revoke";

/**
 * An officer of the issuing authority suspends, reinstates or revokes a document, with a reason; the holder is
 * emailed, unless the caller sends its own notice (`notifyHolder: false`).
 */
export async function changeDocumentStatus(
  db: Db,
  actor: Actor,
  reference: string,
  action: StatusAction,
  reason: string,
  baseUrl: string,
  { notifyHolder = true }: { notifyHolder?: boolean } = {},
) {
  const scope = authorityScope(actor, "document:change-status");
  return db.transaction(async (tx) => {
    const [doc] = scope.length
      ? await tx
          .select()
          .from(issuedDocuments)
          .where(and(eq(issuedDocuments.reference, reference), inArray(issuedDocuments.authorityId, scope)))
          .for("update")
      : [];
    if (!doc) throw new NotFoundError("Document");
    const to = await setDocumentStatus(tx, actor, doc, action, reason);
    const outboxIds: string[] = [];
    if (doc.holderEmail && notifyHolder) {
      const [authority] = await tx.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, doc.authorityId));
      outboxIds.push(
        await queueEmail(tx, doc.holderEmail, "document-status-changed", {
          name: doc.holderName,
          documentTitle: DOCUMENT_KINDS[doc.kind as DocumentKind].title,
          reference: doc.reference,
          status: STATUS_LABELS[to],
          reason,
          authorityName: authority.name,
          url: `${baseUrl}/verify/${doc.reference}`,
        }),
      );
    }
    return { status: to, outboxIds };
  });
}

type StatusRow = { id: string; status: (typeof issuedDocuments.$inferSelect)["status"] };

/**
 * The status change itself, in the caller's transaction, for callers that have already found the document in
 * their own scope (an officer's authority, or a LADO hold); `auditExtra` is written with the audit row.
 */
export async function setDocumentStatus(tx: Db, actor: Actor, doc: StatusRow, action: StatusAction, reason: string | null, auditExtra: object = {}) {
  const to = assertTransition(doc.status, action);
  await tx.update(issuedDocuments).set({ status: to, statusReason: reason, statusChangedAt: new Date() }).where(eq(issuedDocuments.id, doc.id));
  await recordAudit(tx, actor, {
    action: `document.${action === "suspend" ? "suspended" : action === "reinstate" ? "reinstated" : "revoked"}`,
    recordType: "document",
    recordId: doc.id,
    before: { status: doc.status },
    after: { status: to, reason, ...auditExtra },
  });
  return to;
}
