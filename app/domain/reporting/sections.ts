/** The annual report's smaller figures: one query each, scoped to one council and one period. */
import { and, eq, gte, inArray, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import { auditEvents } from "#db/schema/audit";
import { bopaApplications } from "#db/schema/bopa";
import { chaperoneApplications } from "#db/schema/chaperones";
import { children, exemptPerformances } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { employmentPermits } from "#db/schema/employment";
import { performanceApplications, schoolConsultations } from "#db/schema/licences";
import { concerns, ladoReferrals } from "#db/schema/safeguarding";
import type { Db } from "~/server/db.server";
import { BOPA_RECORD, grantedAt } from "./decisions";
import type { Period } from "./period";

type Bounds = { start: Date; end: Date };

/** Schools' objections (for permits: concerns) answered in the period, with the application's status now and the grounds. */
export async function loadObjections(db: Db, authorityId: string, bounds: Bounds) {
  const answered = and(eq(schoolConsultations.response, "object"), gte(schoolConsultations.respondedAt, bounds.start), lt(schoolConsultations.respondedAt, bounds.end));
  const licences = await db
    .select({ status: performanceApplications.status, grounds: schoolConsultations.grounds })
    .from(schoolConsultations)
    .innerJoin(performanceApplications, eq(performanceApplications.id, schoolConsultations.applicationId))
    .where(and(eq(performanceApplications.authorityId, authorityId), answered));
  const permits = await db
    .select({ status: employmentPermits.status, grounds: schoolConsultations.grounds })
    .from(schoolConsultations)
    .innerJoin(employmentPermits, eq(employmentPermits.id, schoolConsultations.permitId))
    .where(and(eq(employmentPermits.authorityId, authorityId), answered));
  return { "performance-licence": licences, "employment-permit": permits };
}

/** Exempt performances recorded in the period for children who live in the council's area, or taking place in it. */
export async function loadExemptions(db: Db, authorityId: string, bounds: Bounds) {
  return db
    .select({ basis: exemptPerformances.basis, homeAuthorityId: exemptPerformances.homeAuthorityId, hostAuthorityId: exemptPerformances.hostAuthorityId })
    .from(exemptPerformances)
    .where(
      and(
        or(eq(exemptPerformances.homeAuthorityId, authorityId), eq(exemptPerformances.hostAuthorityId, authorityId)),
        gte(exemptPerformances.createdAt, bounds.start),
        lt(exemptPerformances.createdAt, bounds.end),
      ),
    );
}

/**
 * BOPA approvals of the host council in force on the period's last day: granted by then, covering that day, and
 * not revoked by then (an approval revoked later was still in force).
 */
export async function countBopaInForce(db: Db, authorityId: string, period: Period, bounds: Bounds) {
  const rows = await db
    .select({
      status: bopaApplications.status,
      decidedAt: bopaApplications.decidedAt,
      grantedAt: grantedAt(BOPA_RECORD, "bopa.granted", bopaApplications),
    })
    .from(bopaApplications)
    .innerJoin(issuedDocuments, eq(issuedDocuments.id, bopaApplications.documentId))
    .where(
      and(
        eq(bopaApplications.hostAuthorityId, authorityId),
        inArray(bopaApplications.status, ["granted", "revoked"]),
        lte(issuedDocuments.validFrom, period.to),
        gte(issuedDocuments.validTo, period.to),
      ),
    );
  return rows.filter((r) => {
    const granted = r.status === "revoked" ? r.grantedAt : r.decidedAt;
    if (!granted || granted >= bounds.end) return false;
    return r.status === "granted" || (r.decidedAt !== null && r.decidedAt >= bounds.end);
  }).length;
}

/**
 * Chaperone approvals: granted in the period (new, or renewing an approval: a renewal is a new approval that
 * starts when the old one ends, so it supersedes nothing), varied (re-issued with changes, superseding the
 * approval it replaces), ending in the period (not replaced or revoked), and suspended in the period (each
 * approval once, from the audit trail: by an officer or by a LADO hold).
 */
export async function loadChaperoneFigures(db: Db, authorityId: string, period: Period, bounds: Bounds) {
  const granted = await db
    .select({ renewsDocumentId: chaperoneApplications.renewsDocumentId })
    .from(chaperoneApplications)
    .where(
      and(
        eq(chaperoneApplications.authorityId, authorityId),
        eq(chaperoneApplications.status, "granted"),
        gte(chaperoneApplications.decidedAt, bounds.start),
        lt(chaperoneApplications.decidedAt, bounds.end),
      ),
    );
  const approvals = and(eq(issuedDocuments.authorityId, authorityId), eq(issuedDocuments.kind, "chaperone-licence"));
  const varied = await db
    .select({ id: issuedDocuments.id })
    .from(issuedDocuments)
    .where(and(approvals, isNotNull(issuedDocuments.supersedesId), gte(issuedDocuments.issuedAt, bounds.start), lt(issuedDocuments.issuedAt, bounds.end)));
  const ending = await db
    .select({ id: issuedDocuments.id })
    .from(issuedDocuments)
    .where(
      and(
        approvals,
        inArray(issuedDocuments.status, ["valid", "suspended"]),
        gte(issuedDocuments.validTo, period.from),
        lte(issuedDocuments.validTo, period.to),
      ),
    );
  const suspended = await db
    .selectDistinct({ id: auditEvents.recordId })
    .from(auditEvents)
    .innerJoin(issuedDocuments, eq(sql`${issuedDocuments.id}::text`, auditEvents.recordId))
    .where(
      and(
        eq(auditEvents.recordType, "document"),
        eq(auditEvents.action, "document.suspended"),
        gte(auditEvents.at, bounds.start),
        lt(auditEvents.at, bounds.end),
        approvals,
      ),
    );
  return {
    approved: granted.filter((g) => !g.renewsDocumentId).length,
    renewed: granted.filter((g) => g.renewsDocumentId).length,
    varied: varied.length,
    ending: ending.length,
    suspended: suspended.length,
  };
}

/** The job and the child's date of birth for each of these permits (for counts by occupation and age only). */
export async function loadPermitDetails(db: Db, authorityId: string, permitIds: readonly string[]) {
  if (!permitIds.length) return [];
  return db
    .select({ occupation: employmentPermits.occupation, startDate: employmentPermits.startDate, dateOfBirth: children.dateOfBirth })
    .from(employmentPermits)
    .leftJoin(children, eq(children.id, employmentPermits.childId))
    .where(and(eq(employmentPermits.authorityId, authorityId), inArray(employmentPermits.id, [...permitIds])));
}

/** LADO referrals of the council whose concern was received in the period, with the dates the clocks need. */
export async function loadLadoReferrals(db: Db, authorityId: string, period: Period) {
  return db
    .select({ receivedOn: concerns.receivedOn, referredOn: ladoReferrals.referredOn, resolvedOn: ladoReferrals.outcomeOn })
    .from(ladoReferrals)
    .innerJoin(concerns, eq(concerns.id, ladoReferrals.concernId))
    .where(and(eq(ladoReferrals.authorityId, authorityId), gte(concerns.receivedOn, period.from), lte(concerns.receivedOn, period.to)));
}
