import { and, asc, eq, gte } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { bopaApplications } from "#db/schema/bopa";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import { londonDate } from "../calendar/dates";

/**
 * The public register: body of persons approvals in force or still to start (granted, approval valid in the
 * register, not yet ended), by organisation. Organisations and what they are approved for only: no safeguarding
 * lead, contact or child details.
 */
export async function listBopaRegister(db: Db, today = londonDate()) {
  return db
    .select({
      organisationName: organisations.name,
      hostName: authorities.name,
      performances: bopaApplications.performances,
      validFrom: issuedDocuments.validFrom,
      validTo: issuedDocuments.validTo,
      reference: issuedDocuments.reference,
    })
    .from(bopaApplications)
    .innerJoin(issuedDocuments, eq(issuedDocuments.id, bopaApplications.documentId))
    .innerJoin(organisations, eq(organisations.id, bopaApplications.organisationId))
    .innerJoin(authorities, eq(authorities.id, bopaApplications.hostAuthorityId))
    .where(and(eq(bopaApplications.status, "granted"), eq(issuedDocuments.status, "valid"), gte(issuedDocuments.validTo, today)))
    .orderBy(asc(organisations.name), asc(organisations.id), asc(issuedDocuments.validFrom), asc(issuedDocuments.reference))
    .limit(2000);
}
