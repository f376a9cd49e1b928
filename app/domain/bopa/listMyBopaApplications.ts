import { desc, eq, inArray } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { bopaApplications } from "#db/schema/bopa";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { listProducerOrganisations } from "../productions/listProducerOrganisations";
import { BOPA_STATUS_LABELS } from "./states";

/** The BOPA applications and approvals of every organisation the producer acts for, newest first. */
export async function listMyBopaApplications(db: Db, actor: Actor) {
  const orgs = await listProducerOrganisations(db, actor);
  const rows = orgs.length
    ? await db
        .select({
          id: bopaApplications.id,
          reference: bopaApplications.reference,
          organisationName: organisations.name,
          performances: bopaApplications.performances,
          hostName: authorities.name,
          periodFrom: bopaApplications.periodFrom,
          periodTo: bopaApplications.periodTo,
          status: bopaApplications.status,
          late: bopaApplications.late,
          approvalReference: issuedDocuments.reference,
          approvalFrom: issuedDocuments.validFrom,
          approvalTo: issuedDocuments.validTo,
        })
        .from(bopaApplications)
        .innerJoin(organisations, eq(organisations.id, bopaApplications.organisationId))
        .innerJoin(authorities, eq(authorities.id, bopaApplications.hostAuthorityId))
        .leftJoin(issuedDocuments, eq(issuedDocuments.id, bopaApplications.documentId))
        .where(
          inArray(
            bopaApplications.organisationId,
            orgs.map((o) => o.id),
          ),
        )
        .orderBy(desc(bopaApplications.submittedAt), desc(bopaApplications.reference))
        .limit(500)
    : [];
  return {
    organisations: orgs,
    applications: rows.map((r) => ({
      ...r,
      // what was approved, once granted; what was asked for until then
      periodFrom: r.approvalFrom ?? r.periodFrom,
      periodTo: r.approvalTo ?? r.periodTo,
      statusLabel: BOPA_STATUS_LABELS[r.status],
      approvalReference: r.status === "granted" ? r.approvalReference : null,
    })),
  };
}
