import { asc, eq } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { chaperoneReferees } from "#db/schema/chaperones";
import { issuedDocuments } from "#db/schema/documents";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { listRecordHistory } from "../audit/listRecordHistory";
import { londonDate } from "../calendar/dates";
import { CHAPERONE_CHECKS, CHECK_NAMES, isSatisfactory, missingForGrant, outcomeOf } from "./checks";
import { applicantName, applicationForOfficer, defaultStartDate, licenceYears, OPEN_STATUSES } from "./officerScope";
import { licencePeriod } from "./rules";
import { IDENTITY_DOCUMENT_TYPES, type IdentityDocumentType } from "./sections";
import { APPLICATION_STATUS_LABELS } from "./states";

/**
 * One application for an officer of its authority (anyone else: not found): the applicant's answers, the
 * referees and their responses, the checks recorded, what is still missing before approval, and its history.
 */
export async function getChaperoneApplication(db: Db, actor: Actor, applicationId: string, today = londonDate()) {
  const application = await applicationForOfficer(db, actor, applicationId);
  const [[applicant], [authority], refereeRows, [licence]] = await Promise.all([
    db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, application.applicantUserId)),
    db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, application.authorityId!)),
    db
      .select({
        id: chaperoneReferees.id,
        position: chaperoneReferees.position,
        name: chaperoneReferees.name,
        email: chaperoneReferees.email,
        relationship: chaperoneReferees.relationship,
        requestedAt: chaperoneReferees.requestedAt,
        submittedAt: chaperoneReferees.submittedAt,
        response: chaperoneReferees.response,
        judgement: chaperoneReferees.judgement,
        judgedBy: chaperoneReferees.judgedBy,
        judgedAt: chaperoneReferees.judgedAt,
      })
      .from(chaperoneReferees)
      .where(eq(chaperoneReferees.applicationId, application.id))
      .orderBy(asc(chaperoneReferees.position)),
    application.licenceDocumentId
      ? db.select({ reference: issuedDocuments.reference }).from(issuedDocuments).where(eq(issuedDocuments.id, application.licenceDocumentId))
      : Promise.resolve([]),
  ]);
  const years = await licenceYears(db, application.authorityId!);
  const startDate = await defaultStartDate(db, application, today);
  const checks = CHECK_NAMES.map((name) => {
    const record = application.checks[name];
    const spec: { label: string; legend: string; hint?: string; needsDate: boolean; outcomes: Record<string, { label: string }> } = CHAPERONE_CHECKS[name];
    return {
      name,
      label: spec.label,
      legend: spec.legend,
      hint: spec.hint ?? null,
      needsDate: spec.needsDate,
      outcomes: Object.entries(spec.outcomes).map(([value, o]) => ({ value, label: o.label })),
      record: record ? { ...record, outcomeLabel: outcomeOf(name, record.outcome)?.label ?? record.outcome } : null,
      satisfactory: isSatisfactory(name, record),
    };
  });
  const referees = refereeRows.map((r) => ({ ...r, responded: !!r.submittedAt && !!r.response }));
  const open = (OPEN_STATUSES as readonly string[]).includes(application.status);
  return {
    id: application.id,
    reference: application.reference ?? "No reference",
    status: application.status,
    statusLabel: APPLICATION_STATUS_LABELS[application.status],
    open,
    name: applicantName(application),
    applicantEmail: applicant?.email ?? null,
    authorityName: authority?.name ?? "",
    renewal: !!application.renewsDocumentId,
    answers: {
      firstName: application.firstName,
      lastName: application.lastName,
      otherNames: application.otherNames,
      dateOfBirth: application.dateOfBirth,
      phone: application.phone,
      address: [application.addressLine1, application.addressLine2, application.town, application.postcode].filter(Boolean),
      identityDocuments: application.identityDocumentTypes.map((t) => IDENTITY_DOCUMENT_TYPES[t as IdentityDocumentType] ?? t),
      identityUploads: application.identityUploadIds.length,
      dbsCertificateNumber: application.dbsCertificateNumber,
      dbsIssueDate: application.dbsIssueDate,
      dbsOnUpdateService: application.dbsOnUpdateService,
      dbsConsentToStatusCheck: application.dbsConsentToStatusCheck,
      trainingDate: application.trainingDate,
      trainingProvider: application.trainingProvider,
      trainingCertificate: !!application.trainingUploadId,
      hasConvictions: application.hasConvictions,
      convictionDetails: application.convictionDetails,
      hasOtherCouncilDecisions: application.hasOtherCouncilDecisions,
      otherCouncilDetails: application.otherCouncilDetails,
    },
    hasPhoto: !!application.photoUploadId,
    checks,
    referees,
    missing: open ? missingForGrant(application.checks, referees) : [],
    informationRequested: application.informationRequested,
    decisionReason: application.decisionReason,
    restrictions: application.restrictions,
    validFrom: application.validFrom,
    validTo: application.validTo,
    licenceReference: licence?.reference ?? null,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    decidedAt: application.decidedAt?.toISOString() ?? null,
    grant: { years, startDate, ...licencePeriod(startDate, years) },
    history: await listRecordHistory(db, "chaperone-application", application.id),
  };
}

export type OfficerChaperoneApplication = Awaited<ReturnType<typeof getChaperoneApplication>>;
