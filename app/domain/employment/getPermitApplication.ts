import { eq } from "drizzle-orm";
import { authorities, organisations, schools } from "#db/schema/authorities";
import { children } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ageOn, londonDate } from "../calendar/dates";
import { schoolLeavingDate } from "../exemptions/rules";
import {
  EMPLOYER_SECTIONS,
  employerSectionStatuses,
  isEmployerPartComplete,
  isOccupation,
  PARENT_SECTIONS,
  type PermitRow,
  parentSectionStatuses,
  permitFindings,
} from "./application";
import { type Party, permitForParty } from "./permitParty";
import { isLatePermitApplication } from "./permitRules";
import { type EmploymentOptions, OCCUPATION_LABELS } from "./rules";
import { isPermitEditable, PERMIT_STATUS_COLOURS, PERMIT_STATUS_LABELS } from "./states";
import { withLocalLimits } from "./localLimits";

export type PermitViewOptions = { now?: Date; rules?: EmploymentOptions };

/** What stops the application being sent, keyed employerPart, parentPart and rules, in the reader's words. */
function submissionProblems(p: PermitRow, as: Party, findingCount: number) {
  const problems: Record<string, string[]> = {};
  const employer = as === "employer";
  if (!p.organisationId) problems.employerPart = ["The employer has not joined the application yet: ask them to fill in their part"];
  else if (!isEmployerPartComplete(p)) problems.employerPart = [employer ? "Complete your part of the application" : "The employer has not completed their part yet"];
  if (!p.parentUserId || !p.childId) problems.parentPart = ["The child's parent has not joined the application yet: ask them to fill in their part"];
  else if (!p.parentPartCompletedAt) problems.parentPart = [employer ? "The child's parent has not confirmed their part yet" : "Check your answers and confirm your part"];
  if (findingCount) {
    problems.rules = [
      employer
        ? "The job or its hours break the employment rules: change them before you send the application"
        : "The job or its hours break the employment rules: the employer must change them before the application can be sent",
    ];
  }
  return problems;
}

/** A permit application (or permit) described for one of its parties. The employer does not see the parent's health details. */
export async function describePermit(db: Db, p: PermitRow, as: Party, { now = new Date(), rules = {} }: PermitViewOptions = {}) {
  const today = londonDate(now);
  const [[organisation], [authority], [child], [parent], [document]] = await Promise.all([
    p.organisationId ? db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, p.organisationId)) : [],
    p.authorityId ? db.select({ name: authorities.name, code: authorities.code }).from(authorities).where(eq(authorities.id, p.authorityId)) : [],
    p.childId
      ? db
          .select({
            id: children.id,
            firstName: children.firstName,
            lastName: children.lastName,
            dateOfBirth: children.dateOfBirth,
            schoolId: children.schoolId,
            schoolName: children.schoolName,
            listedSchool: schools.name,
          })
          .from(children)
          .leftJoin(schools, eq(schools.id, children.schoolId))
          .where(eq(children.id, p.childId))
      : [],
    p.parentUserId ? db.select({ name: users.name }).from(users).where(eq(users.id, p.parentUserId)) : [],
    p.documentId ? db.select({ reference: issuedDocuments.reference }).from(issuedDocuments).where(eq(issuedDocuments.id, p.documentId)) : [],
  ]);
  const checkOptions = await withLocalLimits(db, p.authorityId, rules);
  const { findings, standIn } = permitFindings(p, child?.dateOfBirth ?? null, checkOptions);
  const problems = submissionProblems(p, as, findings.length);
  const employerStatuses = employerSectionStatuses(p);
  const parentStatuses = parentSectionStatuses(p);
  const editable = isPermitEditable(p.status);
  return {
    id: p.id,
    as,
    status: p.status,
    statusLabel: PERMIT_STATUS_LABELS[p.status],
    statusColour: PERMIT_STATUS_COLOURS[p.status],
    editable,
    reference: p.reference,
    late: p.late,
    startedBy: p.startedBy,
    submittedAt: p.submittedAt,
    decisionReason: p.status === "refused" || p.status === "revoked" ? p.decisionReason : null,
    endsOn: p.endsOn,
    endedAt: p.endedAt,
    documentReference: document?.reference ?? null,
    authorityName: authority?.name ?? null,
    employer: {
      joined: !!p.organisationId,
      organisationName: organisation?.name ?? null,
      businessName: p.businessName,
      workplaceAddress: p.workplaceAddress,
      workplacePostcode: p.workplacePostcode,
      occupation: p.occupation,
      occupationLabel: isOccupation(p.occupation) ? OCCUPATION_LABELS[p.occupation] : null,
      jobDescription: p.jobDescription,
      startDate: p.startDate,
      termPattern: p.termPattern,
      holidayPattern: p.holidayPattern,
      supervisorName: p.supervisorName,
      riskAssessmentConfirmed: p.riskAssessmentConfirmed,
      sections: EMPLOYER_SECTIONS.map((s) => ({ slug: s.slug, title: s.title, status: employerStatuses[s.slug] })),
      complete: isEmployerPartComplete(p),
    },
    child: child
      ? {
          id: child.id,
          name: `${child.firstName} ${child.lastName}`,
          firstName: child.firstName,
          dateOfBirth: child.dateOfBirth,
          age: ageOn(child.dateOfBirth, today),
          ageOnStart: p.startDate ? ageOn(child.dateOfBirth, p.startDate) : null,
          school: child.listedSchool ?? child.schoolName ?? null,
          schoolLeavingDate: schoolLeavingDate(child.dateOfBirth),
        }
      : null,
    parent: {
      joined: !!p.parentUserId && !!p.childId,
      name: parent?.name ?? null,
      hasHealthConditions: p.hasHealthConditions,
      healthDetails: as === "parent" ? p.healthDetails : null,
      consentName: p.consentName,
      sections: PARENT_SECTIONS.map((s) => ({ slug: s.slug, title: s.title, status: parentStatuses[s.slug] })),
      confirmedAt: p.parentPartCompletedAt,
    },
    invite: p.inviteTokenHash && p.inviteExpiresAt ? { email: p.inviteEmail, expiresAt: p.inviteExpiresAt, expired: p.inviteExpiresAt <= now } : null,
    findings,
    checkedForStandIn: standIn,
    /** The rules in force for this permit (the 2026 Act's date, the council's local limits), for checks in the browser. */
    checkOptions,
    problems,
    canSubmit: editable && !Object.keys(problems).length,
    lateIfSubmittedToday: editable && !!p.startDate && isLatePermitApplication(p.startDate, today),
  };
}

export type PermitView = Awaited<ReturnType<typeof describePermit>>;

/** One party's view of a permit application: the employer's organisation's or the parent's own (404 otherwise). */
export async function getPermitApplication(db: Db, actor: Actor, permitId: string, as: Party, options: PermitViewOptions = {}) {
  const permit = await permitForParty(db, actor, permitId, as);
  return describePermit(db, permit, as, options);
}
