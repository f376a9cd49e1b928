import { holdsOn } from "../safeguarding/holds";
import { and, desc, eq, inArray } from "drizzle-orm";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { listRecordHistory } from "../audit/listRecordHistory";
import { NotFoundError } from "../errors";
import { authorityScope } from "../identity/capabilities";
import { DOCUMENT_KINDS, type DocumentKind } from "./kinds";
import { londonDate } from "../calendar/dates";
import { publicStatus, STATUS_LABELS } from "./states";

const columns = {
  id: issuedDocuments.id,
  reference: issuedDocuments.reference,
  kind: issuedDocuments.kind,
  holderName: issuedDocuments.holderName,
  childName: issuedDocuments.childName,
  validFrom: issuedDocuments.validFrom,
  validTo: issuedDocuments.validTo,
  status: issuedDocuments.status,
  statusReason: issuedDocuments.statusReason,
  issuedAt: issuedDocuments.issuedAt,
  issuedByName: issuedDocuments.issuedByName,
  specimen: issuedDocuments.specimen,
  sha256: issuedDocuments.sha256,
};

function present<T extends { kind: string; status: (typeof issuedDocuments.$inferSelect)["status"]; validFrom: string; validTo: string }>(row: T, today: string) {
  const status = publicStatus(row, today);
  return { ...row, title: DOCUMENT_KINDS[row.kind as DocumentKind].title, publicStatus: status, statusLabel: STATUS_LABELS[status] };
}

/** The register of documents issued by the officer's authorities, newest first; `kind` narrows it to one kind. */
export async function listDocuments(db: Db, actor: Actor, today = londonDate(), kind?: DocumentKind) {
  const scope = authorityScope(actor, "document:download-any");
  if (!scope.length) return [];
  const rows = await db
    .select(columns)
    .from(issuedDocuments)
    .where(and(inArray(issuedDocuments.authorityId, scope), kind ? eq(issuedDocuments.kind, kind) : undefined))
    .orderBy(desc(issuedDocuments.issuedAt))
    .limit(200);
  return rows.map((r) => present(r, today));
}

/** One document of the officer's authority, with its history; another authority's is "not found". */
export async function getDocument(db: Db, actor: Actor, reference: string, today = londonDate()) {
  const scope = authorityScope(actor, "document:download-any");
  const [row] = scope.length
    ? await db
        .select(columns)
        .from(issuedDocuments)
        .where(and(eq(issuedDocuments.reference, reference.toUpperCase()), inArray(issuedDocuments.authorityId, scope)))
    : [];
  if (!row) throw new NotFoundError("Document");
  const [history, holds] = await Promise.all([listRecordHistory(db, "document", row.id), holdsOn(db, [row.id])]);
  return { ...present(row, today), history, hold: holds.get(row.id) ?? null };
}
