/**
 * A permit application's parts: the employer's sections, the parent's, what stops it being submitted and what the
 * EMPLOY-* rules find in the job and its hours. Pure: plain values in, no clock.
 */
import type { employmentPermits } from "#db/schema/employment";
import { addMonths } from "../calendar/dates";
import { checkPatterns } from "./pattern";
import { hasShifts } from "./patternForm";
import { checkEmployment, type EmploymentFinding, type EmploymentOptions, OCCUPATIONS, type Occupation } from "./rules";

export type PermitRow = typeof employmentPermits.$inferSelect;
export type TaskStatus = "Not started" | "In progress" | "Completed";

export const EMPLOYER_SECTIONS = [
  { slug: "business", title: "Business and workplace", incomplete: "Give the business name and the workplace address" },
  { slug: "job", title: "Job", incomplete: "Describe the job and say when it starts" },
  { slug: "hours", title: "Hours", incomplete: "Give the usual hours in term time and in the school holidays" },
  { slug: "supervision", title: "Supervision and risk assessment", incomplete: "Name the supervisor and confirm the risk assessment" },
] as const;
export type EmployerSection = (typeof EMPLOYER_SECTIONS)[number]["slug"];

export const PARENT_SECTIONS = [
  { slug: "health", title: "Health", incomplete: "Answer the health question" },
  { slug: "consent", title: "Consent", incomplete: "Give your consent" },
] as const;
export type ParentSection = (typeof PARENT_SECTIONS)[number]["slug"];

const answered = (...values: unknown[]) => values.filter((v) => v !== null && v !== undefined && v !== "").length;

export function employerSectionStatuses(p: PermitRow): Record<EmployerSection, TaskStatus> {
  const status = (done: number, of: number): TaskStatus => (done === of ? "Completed" : done ? "In progress" : "Not started");
  const hours = (p.termPattern ? 1 : 0) + (p.holidayPattern ? 1 : 0);
  return {
    business: status(answered(p.businessName, p.workplaceAddress, p.authorityId), 3),
    job: status(answered(p.occupation, p.jobDescription, p.startDate), 3),
    hours: hours === 2 && !hasShifts(p.termPattern) && !hasShifts(p.holidayPattern) ? "In progress" : status(hours, 2),
    supervision: status(answered(p.supervisorName, p.riskAssessmentConfirmed || null), 2),
  };
}

export function isEmployerPartComplete(p: PermitRow) {
  return Object.values(employerSectionStatuses(p)).every((s) => s === "Completed");
}

export function parentSectionStatuses(p: PermitRow): Record<ParentSection, TaskStatus> {
  return {
    health: p.hasHealthConditions === null ? "Not started" : p.hasHealthConditions && !p.healthDetails ? "In progress" : "Completed",
    consent: p.consentName ? "Completed" : "Not started",
  };
}

/** What is missing from the parent's part, by section. */
export function incompleteParentSections(p: PermitRow): Partial<Record<ParentSection, string>> {
  const statuses = parentSectionStatuses(p);
  return Object.fromEntries(PARENT_SECTIONS.filter((s) => statuses[s.slug] !== "Completed").map((s) => [s.slug, s.incomplete]));
}

export const isOccupation = (value: unknown): value is Occupation => typeof value === "string" && (OCCUPATIONS as readonly string[]).includes(value);

/** Before the child is known: a child who turns 14 on the start date (the stricter age band, any light work). */
export const standInDateOfBirth = (startDate: string) => addMonths(startDate, -14 * 12);

export type PermitFinding = EmploymentFinding & { pattern?: "term" | "holiday" };

/**
 * The EMPLOY-* findings for the job as saved. Before the child is known the hours are checked for a child who is
 * 14 on the start date (the stricter age band, any light work); a prohibited occupation is found with no hours yet.
 */
export function permitFindings(p: PermitRow, dateOfBirth: string | null, options: EmploymentOptions = {}): { findings: PermitFinding[]; standIn: boolean } {
  if (!isOccupation(p.occupation) || !p.startDate) return { findings: [], standIn: !dateOfBirth };
  const born = dateOfBirth ?? standInDateOfBirth(p.startDate);
  const { findings } = checkPatterns(
    { dateOfBirth: born, occupation: p.occupation, startDate: p.startDate, termPattern: p.termPattern, holidayPattern: p.holidayPattern },
    options,
  );
  const all: PermitFinding[] = [...findings];
  if (!all.some((f) => f.rule === "EMPLOY-PROHIBITED")) {
    all.unshift(...checkEmployment({ child: { dateOfBirth: born }, occupation: p.occupation, shifts: [] }, options).findings);
  }
  return { findings: all, standIn: !dateOfBirth };
}
