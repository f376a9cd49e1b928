import { eq } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { employmentPermits } from "#db/schema/employment";
import { type PerformanceApplicationStatus, performanceApplications, type schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import { OCCUPATION_LABELS, type Occupation } from "../employment/rules";

type ConsultationRow = typeof schoolConsultations.$inferSelect;

/** While the council is still deciding, the school's answer is taken (it moves the status on only from "awaiting-school"). */
const CONSULTATION_OPEN_STATUSES: PerformanceApplicationStatus[] = ["submitted", "awaiting-school", "under-review", "information-requested"];

/**
 * What a school is asked about (SCHOOL-*): a child's performance licence application (may they miss school?) or
 * their employment permit (does the school have a concern about them working?). The parts every school page,
 * answer, reminder and list needs, whichever it is.
 */
export type ConsultationSubject = {
  kind: "performance" | "permit";
  recordType: "performance-application" | "employment-permit";
  recordId: string;
  reference: string;
  status: string;
  /** The council still wants the school's answer. */
  open: boolean;
  childId: string;
  childName: string;
  dateOfBirth: string;
  authorityId: string;
  authorityName: string;
  /** The school as the parent typed it, when it is not on the council's list. */
  typedSchoolName: string | null;
  /** The production's title, or the job. */
  title: string;
  organisationName: string;
  /** Where the deciding officer opens it. */
  officerPath: string;
};

export async function consultationSubject(db: Db, c: ConsultationRow, options: { lock?: boolean } = {}): Promise<ConsultationSubject> {
  if (c.permitId) {
    const query = db
      .select({ permit: employmentPermits, firstName: children.firstName, lastName: children.lastName, dateOfBirth: children.dateOfBirth, authorityName: authorities.name })
      .from(employmentPermits)
      .innerJoin(children, eq(children.id, employmentPermits.childId))
      .innerJoin(authorities, eq(authorities.id, employmentPermits.authorityId))
      .where(eq(employmentPermits.id, c.permitId));
    const [row] = options.lock ? await query.for("update", { of: employmentPermits }) : await query;
    const p = row.permit;
    const job = p.occupation ? (OCCUPATION_LABELS[p.occupation as Occupation] ?? p.occupation) : "Work";
    return {
      kind: "permit",
      recordType: "employment-permit",
      recordId: p.id,
      reference: p.reference ?? "",
      status: p.status,
      open: p.status === "submitted",
      childId: p.childId!,
      childName: `${row.firstName} ${row.lastName}`,
      dateOfBirth: row.dateOfBirth,
      authorityId: p.authorityId!,
      authorityName: row.authorityName,
      typedSchoolName: null,
      title: job,
      organisationName: p.businessName ?? "",
      officerPath: `/officer/permits/${p.id}`,
    };
  }
  const query = db
    .select({
      application: performanceApplications,
      firstName: children.firstName,
      lastName: children.lastName,
      dateOfBirth: children.dateOfBirth,
      title: productions.title,
      organisationName: organisations.name,
      authorityName: authorities.name,
    })
    .from(performanceApplications)
    .innerJoin(children, eq(children.id, performanceApplications.childId))
    .innerJoin(productions, eq(productions.id, performanceApplications.productionId))
    .innerJoin(organisations, eq(organisations.id, performanceApplications.organisationId))
    .innerJoin(authorities, eq(authorities.id, performanceApplications.authorityId))
    .where(eq(performanceApplications.id, c.applicationId!));
  const [row] = options.lock ? await query.for("update", { of: performanceApplications }) : await query;
  const a = row.application;
  return {
    kind: "performance",
    recordType: "performance-application",
    recordId: a.id,
    reference: a.reference ?? "",
    status: a.status,
    open: CONSULTATION_OPEN_STATUSES.includes(a.status),
    childId: a.childId,
    childName: `${row.firstName} ${row.lastName}`,
    dateOfBirth: row.dateOfBirth,
    authorityId: a.authorityId,
    authorityName: row.authorityName,
    typedSchoolName: a.schoolName,
    title: row.title,
    organisationName: row.organisationName,
    officerPath: `/officer/licences/${a.id}`,
  };
}
