import { and, eq, inArray } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { issuedDocuments } from "#db/schema/documents";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { londonDate } from "../calendar/dates";
import { publicStatus, STATUS_LABELS } from "../documents/states";
import { NotFoundError } from "../errors";
import { answersOf, applicantOf, assertApplicant, ownApplication, refereesOf } from "./applicantScope";
import { incompleteSections, sectionStatuses } from "./sections";
import { APPLICATION_STATUS_LABELS, isEditable } from "./states";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The applicant's own application, as they see it: their answers, the section statuses, their referees'
 * progress (never the references themselves) and, once approved, their licence. With an id, that application
 * (someone else's is not found); without, their open application or else their latest — or null if none.
 */
export async function getMyChaperoneApplication(db: Db, actor: Actor, { applicationId, today = londonDate() }: { applicationId?: string; today?: string } = {}) {
  assertApplicant(actor);
  let application: Awaited<ReturnType<typeof ownApplication>>;
  try {
    application = await ownApplication(db, actor, { applicationId });
  } catch (error) {
    if (applicationId === undefined && error instanceof NotFoundError) return null;
    throw error;
  }
  const [referees, applicant] = await Promise.all([refereesOf(db, application.id), applicantOf(db, application)]);
  const answers = answersOf(application, referees, applicant.email);

  const uploadIds = [application.photoUploadId, ...application.identityUploadIds, application.trainingUploadId].filter((id): id is string => !!id);
  const files = uploadIds.length
    ? await db
        .select({ id: uploads.id, filename: uploads.filename, contentType: uploads.contentType, size: uploads.size })
        .from(uploads)
        .where(and(inArray(uploads.id, uploadIds), eq(uploads.ownerUserId, actor.userId)))
    : [];
  const file = (id: string | null | undefined) => files.find((f) => f.id === id) ?? null;

  const [authority] = application.authorityId
    ? await db.select({ name: authorities.name, code: authorities.code }).from(authorities).where(eq(authorities.id, application.authorityId))
    : [];
  const [licence] = application.licenceDocumentId
    ? await db
        .select({ reference: issuedDocuments.reference, validFrom: issuedDocuments.validFrom, validTo: issuedDocuments.validTo, status: issuedDocuments.status })
        .from(issuedDocuments)
        .where(and(eq(issuedDocuments.id, application.licenceDocumentId), eq(issuedDocuments.holderUserId, actor.userId)))
    : [];

  return {
    id: application.id,
    reference: application.reference,
    status: application.status,
    statusLabel: APPLICATION_STATUS_LABELS[application.status],
    editable: isEditable(application.status),
    renewal: !!application.renewsDocumentId,
    submittedAt: iso(application.submittedAt),
    decidedAt: iso(application.decidedAt),
    informationRequested: application.status === "information-requested" ? application.informationRequested : null,
    decisionReason: application.status === "refused" ? application.decisionReason : null,
    restrictions: application.status === "granted" ? application.restrictions : null,
    applicantEmail: applicant.email,
    answers: {
      firstName: application.firstName,
      lastName: application.lastName,
      otherNames: application.otherNames,
      dateOfBirth: application.dateOfBirth,
      phone: application.phone,
      addressLine1: application.addressLine1,
      addressLine2: application.addressLine2,
      town: application.town,
      postcode: application.postcode,
      authorityId: application.authorityId,
      identityDocumentTypes: application.identityDocumentTypes,
      dbsCertificateNumber: application.dbsCertificateNumber,
      dbsIssueDate: application.dbsIssueDate,
      dbsOnUpdateService: application.dbsOnUpdateService,
      dbsConsentToStatusCheck: application.dbsConsentToStatusCheck,
      trainingDate: application.trainingDate,
      trainingProvider: application.trainingProvider,
      hasConvictions: application.hasConvictions,
      convictionDetails: application.convictionDetails,
      hasOtherCouncilDecisions: application.hasOtherCouncilDecisions,
      otherCouncilDetails: application.otherCouncilDetails,
      declarationConfirmed: application.declarationConfirmed,
    },
    authority: authority ?? null,
    photo: file(application.photoUploadId),
    identityScan: file(application.identityUploadIds[0]),
    trainingCertificate: file(application.trainingUploadId),
    referees: referees.map((r) => ({
      position: r.position,
      name: r.name,
      email: r.email,
      relationship: r.relationship,
      requestedAt: iso(r.requestedAt),
      linkExpiresAt: iso(r.tokenExpiresAt),
      received: !!r.submittedAt,
    })),
    statuses: sectionStatuses(answers, today),
    incomplete: incompleteSections(answers, today),
    licence: licence ? { ...licence, statusLabel: STATUS_LABELS[publicStatus(licence, today)] } : null,
  };
}

export type MyChaperoneApplication = NonNullable<Awaited<ReturnType<typeof getMyChaperoneApplication>>>;
