import { desc, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { authorities, organisations } from "#db/schema/authorities";
import { children, exemptPerformances, productions } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { authorityScope } from "../identity/capabilities";
import { loadOwnProduction } from "../productions/access";

const home = alias(authorities, "home_authority");
const host = alias(authorities, "host_authority");

const columns = {
  id: exemptPerformances.id,
  basis: exemptPerformances.basis,
  dates: exemptPerformances.dates,
  recordedAt: exemptPerformances.createdAt,
  childFirstName: children.firstName,
  childLastName: children.lastName,
  productionTitle: productions.title,
  organisationName: organisations.name,
  homeAuthorityId: exemptPerformances.homeAuthorityId,
  homeAuthorityName: home.name,
  hostAuthorityName: host.name,
  documentReference: issuedDocuments.reference,
};

function base(db: Db) {
  return db
    .select(columns)
    .from(exemptPerformances)
    .innerJoin(children, eq(children.id, exemptPerformances.childId))
    .innerJoin(productions, eq(productions.id, exemptPerformances.productionId))
    .innerJoin(organisations, eq(organisations.id, exemptPerformances.organisationId))
    .innerJoin(home, eq(home.id, exemptPerformances.homeAuthorityId))
    .innerJoin(host, eq(host.id, exemptPerformances.hostAuthorityId))
    .leftJoin(issuedDocuments, eq(issuedDocuments.id, exemptPerformances.documentId));
}

/** Officers see exempt performances of children living in their authority and of performances taking place there. */
export async function listExemptPerformancesForOfficer(db: Db, actor: Actor, limit = 200) {
  const scope = authorityScope(actor, "authority-record:read");
  if (!scope.length) return [];
  const rows = await base(db)
    .where(or(inArray(exemptPerformances.homeAuthorityId, scope), inArray(exemptPerformances.hostAuthorityId, scope)))
    .orderBy(desc(exemptPerformances.createdAt))
    .limit(limit);
  // The record is the home authority's document: a host authority sees that it exists, not the PDF.
  return rows.map((r) => ({ ...r, documentReference: scope.includes(r.homeAuthorityId) ? r.documentReference : null }));
}

/** A production's exempt performances: the records its producers made, kept as their evidence. */
export async function listProductionExemptPerformances(db: Db, actor: Actor, productionId: string) {
  const production = await loadOwnProduction(db, actor, productionId);
  return base(db).where(eq(exemptPerformances.productionId, production.id)).orderBy(desc(exemptPerformances.createdAt));
}
