import { holdsOn } from "../safeguarding/holds";
import { and, asc, count, desc, eq, ne } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { bopaApplications } from "#db/schema/bopa";
import { exemptPerformances, productions } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { users } from "#db/schema/identity";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { DOCUMENT_KINDS, type DocumentKind } from "../documents/kinds";
import { londonDate } from "../calendar/dates";
import { publicStatus, STATUS_LABELS } from "../documents/states";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { applicationForOfficer } from "./access";
import { BOPA_STANDARD_CONDITIONS } from "./rules";
import { BOPA_STATUS_LABELS } from "./states";
import { listRecordHistory } from "../audit/listRecordHistory";

/**
 * One application for an officer of the host authority (anyone else: "not found"): the answers, the two
 * uploads, the decision, what the grant form starts from, and the organisation's history in this service —
 * documents issued to it by any council, its exempt performances counted by production, and its other BOPA
 * applications. Nothing about any child.
 */
export async function getBopaApplication(db: Db, actor: Actor, applicationId: string, today = londonDate()) {
  const a = await applicationForOfficer(db, actor, applicationId);
  const [[host], [organisation], [submitter], [policy], [riskAssessment]] = await Promise.all([
    db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, a.hostAuthorityId)),
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, a.organisationId)),
    db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, a.submittedByUserId)),
    db.select({ filename: uploads.filename, size: uploads.size }).from(uploads).where(eq(uploads.id, a.policyUploadId)),
    db.select({ filename: uploads.filename, size: uploads.size }).from(uploads).where(eq(uploads.id, a.riskAssessmentUploadId)),
  ]);
  const [documents, exempt, others, settings] = await Promise.all([
    db
      .select({
        reference: issuedDocuments.reference,
        kind: issuedDocuments.kind,
        status: issuedDocuments.status,
        validFrom: issuedDocuments.validFrom,
        validTo: issuedDocuments.validTo,
        authorityName: authorities.name,
      })
      .from(issuedDocuments)
      .innerJoin(authorities, eq(authorities.id, issuedDocuments.authorityId))
      .where(eq(issuedDocuments.organisationId, a.organisationId))
      .orderBy(desc(issuedDocuments.issuedAt), desc(issuedDocuments.reference))
      .limit(200),
    db
      .select({ productionId: productions.id, title: productions.title, count: count(exemptPerformances.id) })
      .from(exemptPerformances)
      .innerJoin(productions, eq(productions.id, exemptPerformances.productionId))
      .where(eq(exemptPerformances.organisationId, a.organisationId))
      .groupBy(productions.id, productions.title)
      .orderBy(asc(productions.title)),
    db
      .select({
        reference: bopaApplications.reference,
        hostName: authorities.name,
        periodFrom: bopaApplications.periodFrom,
        periodTo: bopaApplications.periodTo,
        status: bopaApplications.status,
      })
      .from(bopaApplications)
      .innerJoin(authorities, eq(authorities.id, bopaApplications.hostAuthorityId))
      .where(and(eq(bopaApplications.organisationId, a.organisationId), ne(bopaApplications.id, a.id)))
      .orderBy(desc(bopaApplications.submittedAt))
      .limit(200),
    getAuthoritySettings(db, a.hostAuthorityId),
  ]);
  const [approval] = a.documentId
    ? await db
        .select({ reference: issuedDocuments.reference, validFrom: issuedDocuments.validFrom, validTo: issuedDocuments.validTo, status: issuedDocuments.status })
        .from(issuedDocuments)
        .where(eq(issuedDocuments.id, a.documentId))
    : [];
  return {
    id: a.id,
    reference: a.reference,
    status: a.status,
    statusLabel: BOPA_STATUS_LABELS[a.status],
    late: a.late,
    submittedAt: a.submittedAt.toISOString(),
    submittedBy: submitter ? { name: submitter.name, email: submitter.email } : null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    organisationName: organisation.name,
    hostName: host.name,
    performances: a.performances,
    periodFrom: a.periodFrom,
    periodTo: a.periodTo,
    venues: a.venues,
    childrenCount: a.childrenCount,
    youngestAge: a.youngestAge,
    oldestAge: a.oldestAge,
    safeguardingLead: { name: a.safeguardingLeadName, email: a.safeguardingLeadEmail, phone: a.safeguardingLeadPhone },
    chaperoneArrangements: a.chaperoneArrangements,
    noPaymentConfirmed: a.noPaymentConfirmed,
    uploads: { policy: policy ?? null, riskAssessment: riskAssessment ?? null },
    conditions: a.conditions ?? [],
    decisionReason: a.decisionReason,
    approval: approval ?? null,
    grant: {
      validFrom: a.periodFrom,
      validTo: a.periodTo,
      maxMonths: settings.bopaMaxMonths,
      standardConditions: BOPA_STANDARD_CONDITIONS.map((c) => ({ id: c.id, text: c.text })),
    },
    history: {
      documents: documents.map((d) => {
        const status = publicStatus(d, today);
        return { ...d, title: DOCUMENT_KINDS[d.kind as DocumentKind]?.title ?? d.kind, statusLabel: STATUS_LABELS[status] };
      }),
      exemptPerformances: exempt,
      otherApplications: others.map((o) => ({ ...o, statusLabel: BOPA_STATUS_LABELS[o.status] })),
    },
    events: await listRecordHistory(db, "bopa-application", a.id),
    hold: (await holdsOn(db, [a.id])).get(a.id) ?? null,
  };
}

export type OfficerBopaApplication = Awaited<ReturnType<typeof getBopaApplication>>;
