import { eq, inArray } from "drizzle-orm";
import { organisations, schools } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { schoolChoiceOf } from "../children/rules";
import { londonDate } from "../calendar/dates";
import { NotFoundError } from "../errors";
import { applicationForParent } from "./access";
import { incompleteParentSections, isRecentPhoto, type ParentPart, parentPartStatus } from "./parentSections";
import { isEditable, LICENCE_STATUS_COLOURS, LICENCE_STATUS_LABELS } from "./states";
import { schoolAnswerStatus } from "../schools/schoolAnswerStatus";

/**
 * The parent's part of one of their child's applications, for its question pages: the saved answers, and what
 * each page starts from when nothing is saved yet (the child's school, photograph — if taken in the last 6 months —
 * and birth certificate from their profile). Another child's application, or a mismatched child, is not found.
 */
export async function getParentPart(db: Db, actor: Actor, childId: string, applicationId: string, now = new Date()) {
  const application = await applicationForParent(db, actor, applicationId);
  if (application.childId !== childId) throw new NotFoundError("Application");
  const today = londonDate(now);
  const [[child], [production]] = await Promise.all([
    db.select().from(children).where(eq(children.id, application.childId)),
    db
      .select({ title: productions.title, organisationName: organisations.name, firstDate: productions.firstDate, lastDate: productions.lastDate, venueName: productions.venueName })
      .from(productions)
      .innerJoin(organisations, eq(organisations.id, productions.organisationId))
      .where(eq(productions.id, application.productionId)),
  ]);

  const answers: ParentPart = {
    schoolId: application.schoolId,
    schoolName: application.schoolName,
    hasHealthConditions: application.hasHealthConditions,
    healthDetails: application.healthDetails,
    hasOtherCouncilDecisions: application.hasOtherCouncilDecisions,
    otherCouncilDetails: application.otherCouncilDetails,
    photoUploadId: application.photoUploadId,
    photoTakenOn: application.photoTakenOn,
    birthCertificateUploadId: application.birthCertificateUploadId,
    consentName: application.consentName,
    parentPartCompletedAt: application.parentPartCompletedAt,
  };
  const schoolSaved = !!(application.schoolId || application.schoolName);
  const school = schoolSaved ? { schoolId: application.schoolId, schoolName: application.schoolName } : { schoolId: child.schoolId, schoolName: child.schoolName };
  const photo = application.photoUploadId
    ? { uploadId: application.photoUploadId, takenOn: application.photoTakenOn, fromProfile: false }
    : child.photoUploadId
      ? { uploadId: child.photoUploadId, takenOn: child.photoTakenOn, fromProfile: true }
      : null;
  const certificateId = application.birthCertificateUploadId ?? child.birthCertificateUploadId;

  const schoolIds = [school.schoolId].filter((id): id is string => !!id);
  const [schoolRows, files] = await Promise.all([
    schoolIds.length ? db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, schoolIds)) : [],
    certificateId ? db.select({ id: uploads.id, filename: uploads.filename }).from(uploads).where(eq(uploads.id, certificateId)) : [],
  ]);

  return {
    id: application.id,
    childId: application.childId,
    status: application.status,
    statusLabel: LICENCE_STATUS_LABELS[application.status],
    statusColour: LICENCE_STATUS_COLOURS[application.status],
    editable: isEditable(application.status),
    reference: application.reference,
    child: { id: child.id, name: `${child.firstName} ${child.lastName}`, firstName: child.firstName, dateOfBirth: child.dateOfBirth },
    production,
    answers,
    school: {
      ...school,
      choice: schoolChoiceOf(school),
      label: schoolRows[0]?.name ?? school.schoolName ?? null,
      fromProfile: !schoolSaved,
    },
    photo: photo ? { ...photo, recent: isRecentPhoto(photo.takenOn, today) } : null,
    birthCertificate: certificateId ? { uploadId: certificateId, filename: files[0]?.filename ?? "Birth certificate", fromProfile: !application.birthCertificateUploadId } : null,
    missing: incompleteParentSections(answers, today),
    partStatus: parentPartStatus(answers),
    schoolAnswer: await schoolAnswerStatus(db, application.id, now),
  };
}

export type ParentPartView = Awaited<ReturnType<typeof getParentPart>>;
