import { and, eq } from "drizzle-orm";
import { schools } from "#db/schema/authorities";
import { children } from "#db/schema/children";
import { performanceApplications } from "#db/schema/licences";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { isIsoDate, londonDate } from "../calendar/dates";
import { isUuid } from "../children/access";
import { UPLOAD_PURPOSES } from "../children/childDetails";
import { EDUCATED_AT_HOME, type SchoolChoice } from "../children/rules";
import { RuleError } from "../errors";
import { applicationForParent } from "./access";
import { isRecentPhoto } from "./parentSections";
import { LICENCE_RULES } from "./rules";
import { isEditable } from "./states";

/** One section of the parent's part as its question page collects it (dates YYYY-MM-DD; uploads already stored, by id). */
export type ParentSectionInput =
  | { section: "school"; school: SchoolChoice; schoolId?: string | null; schoolName?: string | null }
  | { section: "health"; hasHealthConditions: boolean; healthDetails?: string | null }
  | { section: "other-councils"; hasOtherCouncilDecisions: boolean; otherCouncilDetails?: string | null }
  /** `useCurrent`: keep the photograph already on the application, or the profile's; else `uploadId` and `takenOn`. */
  | { section: "photo"; useCurrent: boolean; uploadId?: string | null; takenOn?: string | null }
  /** Without `uploadId`, the copy already on the application or the child's profile. */
  | { section: "birth-certificate"; uploadId?: string | null }
  | { section: "consent"; consentName: string };

export const PARENT_TEXT_MAX = 2000;

const clean = (s: string | null | undefined) => {
  const t = (s ?? "").trim();
  return t.length ? t : null;
};

type Changes = Partial<typeof performanceApplications.$inferInsert>;

/**
 * The parent saves one section of their part (save and return). Only the parent's own child's application, and
 * only while it is a draft. Any change after they confirmed their part re-opens it (parentPartCompletedAt is
 * cleared) until they confirm again. Writes the answers and an audit row in one transaction.
 */
export async function saveParentSection(db: Db, actor: Actor, applicationId: string, input: ParentSectionInput, now = new Date()) {
  const today = londonDate(now);
  return db.transaction(async (tx) => {
    const application = await applicationForParent(tx, actor, applicationId, { lock: true });
    if (!isEditable(application.status)) throw RuleError.field("", "This application has been sent to the council, so you cannot change it now");
    const [child] = await tx.select().from(children).where(eq(children.id, application.childId));
    const errors: Record<string, string[]> = {};
    const add = (field: string, message: string) => {
      errors[field] = [...(errors[field] ?? []), message];
    };
    const changes: Changes = {};

    switch (input.section) {
      case "school": {
        if (input.school === "listed") {
          const [school] = isUuid(input.schoolId ?? "") ? await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, input.schoolId!)) : [];
          if (!school) add("schoolId", "Select the child's school");
          Object.assign(changes, { schoolId: school?.id ?? null, schoolName: null });
        } else if (input.school === "not-listed") {
          const name = clean(input.schoolName);
          if (!name) add("schoolName", "Enter the name of the child's school");
          else if (name.length > 200) add("schoolName", "School name must be 200 characters or fewer");
          Object.assign(changes, { schoolId: null, schoolName: name });
        } else if (input.school === "home") {
          Object.assign(changes, { schoolId: null, schoolName: EDUCATED_AT_HOME });
        } else {
          add("school", "Select where the child goes to school");
        }
        break;
      }
      case "health": {
        const details = input.hasHealthConditions ? clean(input.healthDetails) : null;
        if (input.hasHealthConditions && !details) add("healthDetails", "Give details of the child's health conditions or disabilities");
        else if (details && details.length > PARENT_TEXT_MAX) add("healthDetails", `Details must be ${PARENT_TEXT_MAX} characters or fewer`);
        Object.assign(changes, { hasHealthConditions: input.hasHealthConditions, healthDetails: details });
        break;
      }
      case "other-councils": {
        const details = input.hasOtherCouncilDecisions ? clean(input.otherCouncilDetails) : null;
        if (input.hasOtherCouncilDecisions && !details) add("otherCouncilDetails", "Give details of the other councils' licences");
        else if (details && details.length > PARENT_TEXT_MAX) add("otherCouncilDetails", `Details must be ${PARENT_TEXT_MAX} characters or fewer`);
        Object.assign(changes, { hasOtherCouncilDecisions: input.hasOtherCouncilDecisions, otherCouncilDetails: details });
        break;
      }
      case "photo": {
        const months = LICENCE_RULES["PERF-APP-PHOTO"].months;
        const current = application.photoUploadId
          ? { id: application.photoUploadId, takenOn: application.photoTakenOn }
          : child.photoUploadId
            ? { id: child.photoUploadId, takenOn: child.photoTakenOn }
            : null;
        if (input.useCurrent) {
          if (!current) add("photo", "Upload a photograph of the child");
          else if (!isRecentPhoto(current.takenOn, today)) add("photo", `This photograph was taken more than ${months} months ago. Upload one taken in the last ${months} months`);
          else Object.assign(changes, { photoUploadId: current.id, photoTakenOn: current.takenOn });
          break;
        }
        const uploadId = await ownUpload(tx, actor, input.uploadId, UPLOAD_PURPOSES.photo);
        if (!uploadId) add("photo", "Upload a photograph of the child");
        const takenOn = input.takenOn ?? "";
        if (!isIsoDate(takenOn)) add("photoTakenOnDay", "Enter the date the photograph was taken");
        else if (takenOn > today) add("photoTakenOnDay", "The date the photograph was taken must be today or in the past");
        else if (takenOn < child.dateOfBirth) add("photoTakenOnDay", "The date the photograph was taken must be after the child's date of birth");
        else if (!isRecentPhoto(takenOn, today)) add("photoTakenOnDay", `The photograph must have been taken in the last ${months} months`);
        Object.assign(changes, { photoUploadId: uploadId, photoTakenOn: takenOn });
        break;
      }
      case "birth-certificate": {
        const uploadId = input.uploadId
          ? await ownUpload(tx, actor, input.uploadId, UPLOAD_PURPOSES.birthCertificate)
          : (application.birthCertificateUploadId ?? child.birthCertificateUploadId);
        if (!uploadId) add("birthCertificate", "Upload a copy of the child's birth certificate");
        changes.birthCertificateUploadId = uploadId;
        break;
      }
      case "consent": {
        const name = clean(input.consentName)?.replace(/\s+/g, " ") ?? null;
        if (!name) add("consentName", "Enter your full name to give your consent");
        else if (name.length > 200) add("consentName", "Your name must be 200 characters or fewer");
        changes.consentName = name;
        break;
      }
    }
    if (Object.keys(errors).length) throw new RuleError(errors);

    const reopened = !!application.parentPartCompletedAt;
    await tx
      .update(performanceApplications)
      .set({ ...changes, parentPartCompletedAt: null, updatedAt: now })
      .where(eq(performanceApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "performance-application.parent-section-saved",
      recordType: "performance-application",
      recordId: application.id,
      // which answers changed, not the answers themselves (health details stay out of the audit trail)
      after: { section: input.section, fields: Object.keys(changes), reopened },
    });
    return { applicationId: application.id, childId: application.childId, reopened };
  });
}

/** An upload of the parent's own, stored for this purpose; anything else counts as not uploaded. */
async function ownUpload(tx: Db, actor: Actor, id: string | null | undefined, purpose: string) {
  if (!actor.userId || !id || !isUuid(id)) return null;
  const [row] = await tx
    .select({ id: uploads.id })
    .from(uploads)
    .where(and(eq(uploads.id, id), eq(uploads.ownerUserId, actor.userId), eq(uploads.purpose, purpose)));
  return row?.id ?? null;
}
