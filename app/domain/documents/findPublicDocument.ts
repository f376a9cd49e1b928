import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { authorities } from "#db/schema/authorities";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import { DOCUMENT_KINDS, type DocumentKind, REFERENCE_PATTERN } from "./kinds";
import { londonDate } from "../calendar/dates";
import { publicStatus, STATUS_LABELS } from "./states";

const successor = alias(issuedDocuments, "successor");

/** What anyone may learn about a document: kind, status, dates, authority and the holder's initials — nothing about a child. */
export async function findPublicDocument(db: Db, reference: string, today = londonDate()) {
  const ref = reference.trim().toUpperCase();
  if (!REFERENCE_PATTERN.test(ref)) return null;
  const [row] = await db
    .select({
      reference: issuedDocuments.reference,
      kind: issuedDocuments.kind,
      status: issuedDocuments.status,
      validFrom: issuedDocuments.validFrom,
      validTo: issuedDocuments.validTo,
      holderInitials: issuedDocuments.holderInitials,
      specimen: issuedDocuments.specimen,
      issuedAt: issuedDocuments.issuedAt,
      authorityName: authorities.name,
      replacedBy: successor.reference,
    })
    .from(issuedDocuments)
    .innerJoin(authorities, eq(authorities.id, issuedDocuments.authorityId))
    .leftJoin(successor, eq(successor.id, issuedDocuments.supersededById))
    .where(eq(issuedDocuments.reference, ref));
  if (!row) return null;
  const status = publicStatus(row, today);
  return {
    reference: row.reference,
    type: DOCUMENT_KINDS[row.kind as DocumentKind].title,
    kind: row.kind,
    status,
    statusLabel: STATUS_LABELS[status],
    validFrom: row.validFrom,
    validTo: row.validTo,
    issuingAuthority: row.authorityName,
    holderInitials: row.holderInitials,
    issuedOn: londonDate(row.issuedAt),
    replacedBy: row.replacedBy ?? null,
    specimen: row.specimen,
  };
}

export type PublicDocument = NonNullable<Awaited<ReturnType<typeof findPublicDocument>>>;
