import { asc, eq } from "drizzle-orm";
import { children, productions } from "#db/schema/children";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { loadCastChild } from "../children/access";
import { RuleError } from "../errors";
import { checkSchedule } from "../hours/rules";
import { applicationForProducer } from "./access";
import { dayChaperones } from "./chaperoneChecks";
import { APPLICATION_RECORD, educationProblems, isProducerPartComplete, producerSections } from "./producerRules";
import { isEditable } from "./states";

type Application = typeof performanceApplications.$inferSelect;

/** The application, locked for a change by its producer: only a draft of a child still shared with the production. */
export async function editableForProducer(tx: Db, actor: Actor, applicationId: string) {
  const application = await applicationForProducer(tx, actor, applicationId, { lock: true });
  await loadCastChild(tx, application.productionId, application.childId);
  if (!isEditable(application.status)) throw RuleError.field("", NOT_EDITABLE);
  return application;
}

export const NOT_EDITABLE = "This application has been submitted, so its answers can no longer be changed";

/** The days of an application, in date order. */
export function applicationDays(db: Db, applicationId: string) {
  return db.select().from(scheduleDays).where(eq(scheduleDays.applicationId, applicationId)).orderBy(asc(scheduleDays.date));
}

export type ScheduleDayRow = Awaited<ReturnType<typeof applicationDays>>[number];

/**
 * The hours rules (HOURS-*) over all of the child's days, by their date of birth. Times outside the earliest and
 * latest are night work the producer may ask for (HOURS-NIGHT, `needsPermission`): the council decides.
 */
function scheduleFindings(dateOfBirth: string, days: ScheduleDayRow[]) {
  return checkSchedule({
    child: { dateOfBirth },
    nightWorkPermitted: true,
    days: days.map((d) => ({ date: d.date, arrive: d.arrive, depart: d.depart, performing: d.performing, breaks: d.breaks })),
  }).findings;
}

/**
 * Everything the producer's part needs, checked now: the schedule against the hours rules, school days missed
 * and the education arrangements (EDU-TUTOR), each day's chaperone (CHAP-VALID, CHAP-RATIO), payment and contract.
 */
export async function assessProducerPart(db: Db, application: Application) {
  const [[child], [production], days, contract] = await Promise.all([
    db
      .select({ firstName: children.firstName, lastName: children.lastName, dateOfBirth: children.dateOfBirth })
      .from(children)
      .where(eq(children.id, application.childId)),
    db.select().from(productions).where(eq(productions.id, application.productionId)),
    applicationDays(db, application.id),
    application.contractUploadId
      ? db.select({ id: uploads.id, filename: uploads.filename }).from(uploads).where(eq(uploads.id, application.contractUploadId))
      : Promise.resolve([]),
  ]);
  const findings = scheduleFindings(child.dateOfBirth, days);
  const chaperones = await dayChaperones(db, production.id, days);
  const schoolDaysMissed = days.filter((d) => d.schoolDay).length;
  const educationErrors = educationProblems({
    tutorName: application.tutorName ?? "",
    tutorHoursPerDay: application.tutorHoursPerDay,
    pupilsPerTutor: application.pupilsPerTutor,
    similarStandard: similarStandard(application.pupilsPerTutor),
  });
  const nightWork = findings.filter((f) => f.needsPermission);
  const sections = producerSections({
    days: days.length,
    blockingFindings: findings.length - nightWork.length,
    nightWorkFindings: nightWork.length,
    nightWorkReasons: !!application.nightWorkReasons?.trim(),
    paid: application.paid,
    schoolDaysMissed,
    educationStarted: !!(application.tutorName || application.tutorHoursPerDay !== null || application.pupilsPerTutor !== null),
    educationComplete: Object.keys(educationErrors).length === 0,
    chaperonesChosen: chaperones.filter((c) => c.who).length,
    chaperonesValid: chaperones.filter((c) => c.who && !c.problems.length).length,
    contract: !!contract[0],
  });
  return {
    child: { ...child, name: `${child.firstName} ${child.lastName}` },
    production,
    days,
    findings,
    nightWork,
    chaperones,
    schoolDaysMissed,
    contract: contract[0] ?? null,
    sections,
    complete: isProducerPartComplete(sections),
  };
}

export type ProducerAssessment = Awaited<ReturnType<typeof assessProducerPart>>;

/** More than 6 pupils at once is only accepted for pupils of a similar standard, so a saved number above 6 says they are. */
export const similarStandard = (pupils: number | null) => (pupils ?? 0) > 6;

/**
 * After any change to the producer's part: it is complete (stamped now) when every section is, and not otherwise.
 * Returns whether it is complete, for the change's audit row.
 */
export async function refreshProducerPart(tx: Db, applicationId: string, now: Date) {
  const [application] = await tx.select().from(performanceApplications).where(eq(performanceApplications.id, applicationId));
  const { complete } = await assessProducerPart(tx, application);
  await tx
    .update(performanceApplications)
    .set({ producerPartCompletedAt: complete ? now : null, updatedAt: now })
    .where(eq(performanceApplications.id, applicationId));
  return complete;
}

type Answers = Partial<Pick<Application, "paid" | "paymentDetails" | "nightWorkReasons" | "tutorName" | "tutorHoursPerDay" | "pupilsPerTutor" | "contractUploadId">>;

/** Saves some of the producer's answers, brings the part's completeness up to date and audits the change (before and after). */
export async function saveProducerAnswers(tx: Db, actor: Actor, application: Application, action: string, answers: Answers, now: Date) {
  await tx
    .update(performanceApplications)
    .set({ ...answers, updatedAt: now })
    .where(eq(performanceApplications.id, application.id));
  const complete = await refreshProducerPart(tx, application.id, now);
  const before = Object.fromEntries(Object.keys(answers).map((key) => [key, application[key as keyof Answers]]));
  await recordAudit(tx, actor, { action, recordType: APPLICATION_RECORD, recordId: application.id, before, after: { ...answers, producerPartComplete: complete } });
  return { complete };
}
