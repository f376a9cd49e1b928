/**
 * The parent's part of a performance licence application (DOMAIN.md §1.4 part 2): its sections, whether each is
 * complete, and the part's status. Pure and browser-safe: plain values in, `today` (YYYY-MM-DD) passed in.
 */
import type { performanceApplications } from "#db/schema/licences";
import { addMonths } from "../calendar/dates";
import { LICENCE_RULES } from "./rules";

export const PARENT_SECTIONS = [
  { slug: "school", title: "School", incomplete: "Tell us where the child goes to school" },
  { slug: "health", title: "Health", incomplete: "Answer the health question" },
  { slug: "other-councils", title: "Licences from other councils", incomplete: "Tell us about licences from other councils" },
  { slug: "photo", title: "Photograph", incomplete: "Add a photograph taken in the last 6 months" },
  { slug: "birth-certificate", title: "Birth certificate", incomplete: "Add a copy of the birth certificate" },
  { slug: "consent", title: "Consent", incomplete: "Give your consent" },
] as const;

export type ParentSectionSlug = (typeof PARENT_SECTIONS)[number]["slug"];
const PARENT_SECTION_SLUGS = PARENT_SECTIONS.map((s) => s.slug) as ParentSectionSlug[];

export type ParentPart = Pick<
  typeof performanceApplications.$inferSelect,
  | "schoolId"
  | "schoolName"
  | "hasHealthConditions"
  | "healthDetails"
  | "hasOtherCouncilDecisions"
  | "otherCouncilDetails"
  | "photoUploadId"
  | "photoTakenOn"
  | "birthCertificateUploadId"
  | "consentName"
  | "parentPartCompletedAt"
>;

export type ParentPartStatus = "not-started" | "in-progress" | "completed";

export const PARENT_PART_STATUS_LABELS: Record<ParentPartStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  completed: "Completed",
};

/** PERF-APP-PHOTO: taken on or after the same date 6 months ago, and not in the future. */
export function isRecentPhoto(takenOn: string | null | undefined, today: string) {
  return !!takenOn && takenOn <= today && takenOn >= addMonths(today, -LICENCE_RULES["PERF-APP-PHOTO"].months);
}

/** What is missing from each section now (a photograph can age out while the part waits); absent when complete. */
export function incompleteParentSections(part: ParentPart, today: string): Partial<Record<ParentSectionSlug, string>> {
  const missing: Partial<Record<ParentSectionSlug, string>> = {};
  const message = (slug: ParentSectionSlug) => PARENT_SECTIONS.find((s) => s.slug === slug)!.incomplete;
  if (!part.schoolId && !part.schoolName) missing.school = message("school");
  if (part.hasHealthConditions === null || (part.hasHealthConditions && !part.healthDetails)) missing.health = message("health");
  if (part.hasOtherCouncilDecisions === null || (part.hasOtherCouncilDecisions && !part.otherCouncilDetails)) missing["other-councils"] = message("other-councils");
  if (!part.photoUploadId || !isRecentPhoto(part.photoTakenOn, today)) missing.photo = message("photo");
  if (!part.birthCertificateUploadId) missing["birth-certificate"] = message("birth-certificate");
  if (!part.consentName) missing.consent = message("consent");
  return missing;
}

/** Not started until the parent saves a section; completed once they confirm it (any later change re-opens it). */
export function parentPartStatus(part: ParentPart): ParentPartStatus {
  if (part.parentPartCompletedAt) return "completed";
  const answered = [
    part.schoolId ?? part.schoolName,
    part.hasHealthConditions,
    part.hasOtherCouncilDecisions,
    part.photoUploadId,
    part.birthCertificateUploadId,
    part.consentName,
  ].some((v) => v !== null && v !== undefined);
  return answered ? "in-progress" : "not-started";
}

/** The statement the parent signs by typing their full name. */
export function consentStatement(childName: string, productionTitle: string, organisationName: string) {
  return `I am ${childName}'s parent or carer. I consent to ${organisationName} applying for a licence for ${childName} to take part in ${productionTitle}, and I confirm that the information in my part of the application is true and complete to the best of my knowledge.`;
}

/**
 * Where a question page goes after saving, relative to the application's page: back to it ("Save and come back
 * later": the button posts intent=later), to check your answers when the parent came from there (returnTo=check),
 * else the next question.
 */
export function afterParentSave(slug: ParentSectionSlug, form: { get(name: string): unknown }) {
  if (form.get("intent") === "later") return "?saved=1";
  const next = PARENT_SECTION_SLUGS[PARENT_SECTION_SLUGS.indexOf(slug) + 1];
  return form.get("returnTo") === "check" || !next ? "/check" : `/${next}`;
}
