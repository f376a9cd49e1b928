import { desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { DOCUMENT_KINDS, type DocumentKind } from "./kinds";
import { londonDate } from "../calendar/dates";
import { publicStatus, STATUS_LABELS } from "./states";

/** Documents the person holds, that concern their child, or that their organisation holds. */
export async function listMyDocuments(db: Db, actor: Actor, today = londonDate()) {
  if (!actor.userId) return [];
  const orgs = actor.memberships.map((m) => m.organisationId).filter((id): id is string => !!id);
  const conditions: SQL[] = [eq(issuedDocuments.holderUserId, actor.userId), eq(issuedDocuments.parentUserId, actor.userId)];
  if (orgs.length) conditions.push(inArray(issuedDocuments.organisationId, orgs));
  const rows = await db
    .select({
      reference: issuedDocuments.reference,
      kind: issuedDocuments.kind,
      holderName: issuedDocuments.holderName,
      childName: issuedDocuments.childName,
      validFrom: issuedDocuments.validFrom,
      validTo: issuedDocuments.validTo,
      status: issuedDocuments.status,
    })
    .from(issuedDocuments)
    .where(or(...conditions))
    .orderBy(desc(issuedDocuments.issuedAt))
    .limit(100);
  return rows.map((r) => {
    const status = publicStatus(r, today);
    return { ...r, title: DOCUMENT_KINDS[r.kind as DocumentKind].title, statusLabel: STATUS_LABELS[status] };
  });
}
