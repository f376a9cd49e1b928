import { and, asc, eq, gte, lte } from "drizzle-orm";
import { bopaApplications } from "#db/schema/bopa";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import { isUuid } from "../children/access";

/**
 * The organisation's granted body of persons approval from `hostAuthorityId` that covers every one of `dates`
 * (YYYY-MM-DD): its signed approval is valid in the register (not suspended, revoked or replaced) and runs from
 * before the first date to after the last. Null when there is none (or no dates). `periodFrom`/`periodTo` are the
 * approved dates printed on the approval; `approvalReference` is the approval's own reference (…-BA-…).
 */
export async function findCoveringBopa(db: Db, organisationId: string, hostAuthorityId: string, dates: string[]) {
  if (!dates.length || !isUuid(organisationId) || !isUuid(hostAuthorityId)) return null;
  const sorted = [...dates].sort();
  const [first, last] = [sorted[0], sorted[sorted.length - 1]];
  const [row] = await db
    .select({
      id: bopaApplications.id,
      reference: bopaApplications.reference,
      documentId: issuedDocuments.id,
      approvalReference: issuedDocuments.reference,
      periodFrom: issuedDocuments.validFrom,
      periodTo: issuedDocuments.validTo,
    })
    .from(bopaApplications)
    .innerJoin(issuedDocuments, eq(issuedDocuments.id, bopaApplications.documentId))
    .where(
      and(
        eq(bopaApplications.organisationId, organisationId),
        eq(bopaApplications.hostAuthorityId, hostAuthorityId),
        eq(bopaApplications.status, "granted"),
        eq(issuedDocuments.status, "valid"),
        lte(issuedDocuments.validFrom, first),
        gte(issuedDocuments.validTo, last),
      ),
    )
    .orderBy(asc(issuedDocuments.validTo))
    .limit(1);
  return row ?? null;
}

export type CoveringBopa = NonNullable<Awaited<ReturnType<typeof findCoveringBopa>>>;
