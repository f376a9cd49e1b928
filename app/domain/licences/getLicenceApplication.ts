import { holdsOn } from "../safeguarding/holds";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { authorities, schools } from "#db/schema/authorities";
import { performanceDays } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { users } from "#db/schema/identity";
import { scheduleDays } from "#db/schema/licences";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { listRecordHistory } from "../audit/listRecordHistory";
import { londonDate } from "../calendar/dates";
import { daysCountedFor, EXEMPTION_RULES, fourDayWindow } from "../exemptions/rules";
import { checkSchedule, dayLimits } from "../hours/rules";
import { dayTimeline } from "../hours/timeline";
import { listVenues, venueOfDay, venueText } from "../productions/venues";
import { consultationClock } from "../schools/consultationClock";
import { dayChaperones } from "./chaperoneChecks";
import { breaksText, hoursDays, periods } from "./officerSchedule";
import { applicationParties, LICENCE_RECORD, latestConsultation, submittedForOfficer } from "./officerScope";
import { LICENCE_STANDARD_CONDITIONS } from "./rules";
import { LICENCE_STATUS_LABELS } from "./states";

/** How many of the child's performance days the page lists. */
const HISTORY_SHOWN = 200;

const OBJECTION_GROUND_LABELS = { education: "Education", health: "Health", welfare: "Welfare" } as const;

/**
 * One submitted application for an officer of the child's home authority (anyone else, or a draft: "not
 * found"): both parts, each day's venue (when there are several), the hours findings and a timeline for each
 * day, who chaperones each day checked in the register now (CHAP-VALID, CHAP-RATIO), the uploads, the child's
 * performance days on record and the four-day count before the first date (EXEMPT-4DAY), the school's answer,
 * the decision and the audit history.
 */
export async function getLicenceApplication(db: Db, actor: Actor, applicationId: string, today = londonDate()) {
  const a = await submittedForOfficer(db, actor, applicationId);
  const parties = await applicationParties(db, a);
  const days = await db.select().from(scheduleDays).where(eq(scheduleDays.applicationId, a.id)).orderBy(asc(scheduleDays.date));
  const firstDate = days[0]?.date ?? null;
  const uploadIds = {
    photo: a.photoUploadId ?? parties.child.photoUploadId,
    birthCertificate: a.birthCertificateUploadId ?? parties.child.birthCertificateUploadId,
    contract: a.contractUploadId,
  };
  const ids = Object.values(uploadIds).filter((id): id is string => !!id);
  const [files, chaperones, history, consultation, [school], [assigned], [decider], [licence], venues] = await Promise.all([
    ids.length
      ? db.select({ id: uploads.id, filename: uploads.filename, size: uploads.size, contentType: uploads.contentType }).from(uploads).where(inArray(uploads.id, ids))
      : [],
    dayChaperones(db, a.productionId, days),
    db
      .select({
        date: performanceDays.date,
        kind: performanceDays.kind,
        basis: performanceDays.basis,
        productionTitle: performanceDays.productionTitle,
        organiserName: performanceDays.organiserName,
        authorityName: authorities.name,
      })
      .from(performanceDays)
      .leftJoin(authorities, eq(authorities.id, performanceDays.authorityId))
      .where(eq(performanceDays.childId, a.childId))
      .orderBy(desc(performanceDays.date))
      .limit(HISTORY_SHOWN),
    latestConsultation(db, a.id),
    a.schoolId ? db.select({ name: schools.name }).from(schools).where(eq(schools.id, a.schoolId)) : [],
    a.assignedOfficerUserId ? db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, a.assignedOfficerUserId)) : [],
    a.decidedByUserId ? db.select({ name: users.name }).from(users).where(eq(users.id, a.decidedByUserId)) : [],
    a.documentId
      ? db.select({ reference: issuedDocuments.reference, status: issuedDocuments.status }).from(issuedDocuments).where(eq(issuedDocuments.id, a.documentId))
      : [],
    listVenues(db, parties.production),
  ]);
  const several = venues.length > 1;

  // Night work the producer asked for comes back as HOURS-NIGHT findings that need the officer's permission.
  const hours = checkSchedule({ child: { dateOfBirth: parties.child.dateOfBirth }, nightWorkPermitted: !!a.nightWorkReasons, days: hoursDays(days) });
  const file = (id: string | null) => {
    const f = id ? files.find((u) => u.id === id) : undefined;
    return f ? { filename: f.filename, size: f.size, isImage: f.contentType.startsWith("image/") } : null;
  };
  // The four-day count looks at days before the first date; this production's own licensed days come after it.
  const counted = firstDate
    ? daysCountedFor(
        firstDate,
        history.map((h) => h.date),
        [],
      )
    : [];

  return {
    id: a.id,
    reference: a.reference ?? "No reference",
    status: a.status,
    statusLabel: LICENCE_STATUS_LABELS[a.status],
    late: a.late,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    authorityName: parties.authorityName,
    child: { name: parties.child.name, dateOfBirth: parties.child.dateOfBirth },
    production: {
      id: parties.production.id,
      title: parties.production.title,
      kind: parties.production.kind,
      venue: `${parties.production.venueName}, ${parties.production.venuePostcode}`,
      hostName: parties.production.hostName,
      /** Every venue with its council, when the production has more than one. */
      venues: several ? venues.map((v) => `${venueText(v)} (${v.hostAuthorityName})${v.main ? ", main venue" : ""}`) : [],
      organisationName: parties.organisationName,
      producer: { name: parties.production.producerName, email: parties.production.producerEmail },
    },
    parentName: parties.child.parentName,
    assigned: assigned ? { name: assigned.name, isMe: assigned.id === actor.userId } : null,
    producerPart: {
      completedAt: a.producerPartCompletedAt?.toISOString() ?? null,
      days: days.map((d, i) => ({
        date: d.date,
        kind: d.kind,
        venue: several ? venueText(venueOfDay(venues, d.venueId)) : null,
        atVenue: `${d.arrive}–${d.depart}`,
        performing: periods(d.performing),
        breaks: breaksText(d.breaks),
        schoolDay: d.schoolDay,
        chaperone: { label: chaperones[i].label, named: chaperones[i].who === "chaperone", problems: chaperones[i].problems },
        timeline: dayTimeline(hoursDays([d])[0], dayLimits(parties.child.dateOfBirth, d.date)),
      })),
      findings: hours.findings,
      needsNightPermission: hours.findings.some((f) => f.needsPermission),
      chaperoneFindings: chaperones.flatMap((c) => c.problems),
      nightWorkReasons: a.nightWorkReasons,
      paid: a.paid,
      paymentDetails: a.paymentDetails,
      schoolDaysMissed: days.filter((d) => d.schoolDay).map((d) => d.date),
      education: { tutorName: a.tutorName, tutorHoursPerDay: a.tutorHoursPerDay, pupilsPerTutor: a.pupilsPerTutor },
    },
    parentPart: {
      completedAt: a.parentPartCompletedAt?.toISOString() ?? null,
      school: school?.name ?? a.schoolName,
      hasHealthConditions: a.hasHealthConditions,
      healthDetails: a.healthDetails,
      hasOtherCouncilDecisions: a.hasOtherCouncilDecisions,
      otherCouncilDetails: a.otherCouncilDetails,
      photoTakenOn: a.photoTakenOn,
      consentName: a.consentName,
    },
    files: { photo: file(uploadIds.photo), birthCertificate: file(uploadIds.birthCertificate), contract: file(uploadIds.contract) },
    performanceHistory: history.map((h) => ({ ...h, authorityName: h.authorityName ?? "Not known" })),
    fourDayCount: firstDate
      ? { firstDate, from: fourDayWindow(firstDate).from, counted, limit: EXEMPTION_RULES["EXEMPT-4DAY"].maxEarlierDays }
      : null,
    school: consultation
      ? {
          email: consultation.email,
          askedAt: consultation.createdAt.toISOString(),
          dueOn: consultation.dueOn,
          clock: consultationClock(consultation.dueOn, today, consultation.respondedAt),
          response: consultation.response,
          grounds: (consultation.grounds ?? []).map((g) => OBJECTION_GROUND_LABELS[g]),
          reasons: consultation.reasons,
          respondedByName: consultation.respondedByName,
          respondedAt: consultation.respondedAt?.toISOString() ?? null,
        }
      : null,
    information: { requested: a.informationRequested, reply: a.informationReply },
    decision: {
      decidedAt: a.decidedAt?.toISOString() ?? null,
      decidedBy: decider?.name ?? null,
      conditions: a.conditions,
      reason: a.decisionReason,
      licence: licence ?? null,
    },
    grant: { standardConditions: LICENCE_STANDARD_CONDITIONS.map((c) => ({ id: c.id, text: c.text })) },
    events: await listRecordHistory(db, LICENCE_RECORD, a.id),
    hold: (await holdsOn(db, [a.id])).get(a.id) ?? null,
  };
}

export type OfficerLicenceApplication = Awaited<ReturnType<typeof getLicenceApplication>>;
