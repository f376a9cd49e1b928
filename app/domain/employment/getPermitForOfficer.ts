import { desc, eq } from "drizzle-orm";
import { schoolConsultations } from "#db/schema/licences";
import { issuedDocuments } from "#db/schema/documents";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { listRecordHistory } from "../audit/listRecordHistory";
import { ageOn, londonDate } from "../calendar/dates";
import { publicStatus, STATUS_LABELS } from "../documents/states";
import { schoolLeavingDate } from "../exemptions/rules";
import { OBJECTION_GROUND_LABELS } from "../schools/answerConsultation";
import { consultationClock } from "../schools/consultationClock";
import { permitForOfficer } from "./access";
import { permitChecks } from "./permitChecks";
import { occupationText, permitParties } from "./permitParties";
import { PERMIT_RECORD } from "./permitParty";
import { PATTERN_HEAD, PERMIT_STANDARD_CONDITIONS, patternRows } from "./permitSchedule";
import type { EmploymentOptions } from "./rules";
import { PERMIT_STATUS_LABELS } from "./states";
import { withLocalLimits } from "./localLimits";

/**
 * One submitted (or later) permit for an officer of the authority where the work happens (anyone else, or a
 * draft: "not found"): both parts, the hours as tables, the EMPLOY-* findings checked again now (with the rules
 * in force from `options`), the late flag, the child's age and school leaving date, the decision and the history.
 */
export async function getPermitForOfficer(db: Db, actor: Actor, permitId: string, options: EmploymentOptions = {}, today = londonDate()) {
  const p = await permitForOfficer(db, actor, permitId);
  const parties = await permitParties(db, p);
  const [[decider], [document], events, [consultation]] = await Promise.all([
    p.decidedByUserId ? db.select({ name: users.name }).from(users).where(eq(users.id, p.decidedByUserId)) : [],
    p.documentId
      ? db
          .select({ reference: issuedDocuments.reference, status: issuedDocuments.status, validFrom: issuedDocuments.validFrom, validTo: issuedDocuments.validTo })
          .from(issuedDocuments)
          .where(eq(issuedDocuments.id, p.documentId))
      : [],
    listRecordHistory(db, PERMIT_RECORD, p.id),
    db.select().from(schoolConsultations).where(eq(schoolConsultations.permitId, p.id)).orderBy(desc(schoolConsultations.createdAt)).limit(1),
  ]);
  const child = parties.child;
  const checks = permitChecks(p, child, today, await withLocalLimits(db, p.authorityId, options));
  const shownStatus = document ? publicStatus(document, today) : null;

  return {
    id: p.id,
    reference: p.reference ?? "No reference",
    status: p.status,
    statusLabel: PERMIT_STATUS_LABELS[p.status],
    late: p.late,
    daysLate: checks.daysLate,
    lateDeadline: checks.deadline,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    authorityName: parties.authorityName,
    child: child
      ? {
          name: child.name,
          dateOfBirth: child.dateOfBirth,
          age: ageOn(child.dateOfBirth, today),
          schoolLeavingDate: schoolLeavingDate(child.dateOfBirth),
          hasPhoto: !!child.photoUploadId,
        }
      : null,
    school: parties.schoolName,
    /** The school's answer (SCHOOL-*): it was told at submission and may raise a concern. */
    schoolAnswer: consultation
      ? {
          email: consultation.email,
          dueOn: consultation.dueOn,
          clock: consultationClock(consultation.dueOn, today, consultation.respondedAt),
          concern: consultation.response === "object",
          grounds: (consultation.grounds ?? []).map((g) => (g === "education" ? "Attendance or education" : OBJECTION_GROUND_LABELS[g])),
          reasons: consultation.reasons,
          respondedByName: consultation.respondedByName,
          respondedAt: consultation.respondedAt?.toISOString() ?? null,
        }
      : null,
    employerPart: {
      businessName: parties.businessName,
      organisationName: parties.organisationName,
      contacts: parties.employers,
      workplace: [p.workplaceAddress, p.workplacePostcode].filter(Boolean).join(", ") || "Not given",
      occupation: occupationText(p.occupation),
      jobDescription: p.jobDescription,
      startDate: p.startDate,
      supervisorName: p.supervisorName,
      riskAssessmentConfirmed: p.riskAssessmentConfirmed,
      completedAt: p.employerPartCompletedAt?.toISOString() ?? null,
      hours: { head: PATTERN_HEAD, rows: patternRows(p.termPattern, p.holidayPattern) },
    },
    parentPart: {
      parent: parties.parent,
      hasHealthConditions: p.hasHealthConditions,
      healthDetails: p.healthDetails,
      consentName: p.consentName,
      completedAt: p.parentPartCompletedAt?.toISOString() ?? null,
    },
    checks: {
      /** The permit would run from … to … if granted today. */
      validFrom: checks.validFrom,
      validTo: checks.validTo,
      findings: checks.findings,
      problems: checks.problems,
    },
    grant: { standardConditions: [...PERMIT_STANDARD_CONDITIONS] },
    decision: {
      decidedAt: p.decidedAt?.toISOString() ?? null,
      decidedBy: decider?.name ?? null,
      reason: p.decisionReason,
      endsOn: p.endsOn,
      endedAt: p.endedAt?.toISOString() ?? null,
      endReason: p.endReason,
      permit: document ? { reference: document.reference, status: shownStatus!, statusLabel: STATUS_LABELS[shownStatus!] } : null,
    },
    events: events.map((e) => ({ id: e.id, action: e.action, actorLabel: e.actorLabel, at: e.at.toISOString(), ip: e.ip, after: e.after })),
  };
}

export type OfficerPermit = Awaited<ReturnType<typeof getPermitForOfficer>>;
