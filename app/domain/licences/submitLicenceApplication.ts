import { asc, eq } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { users } from "#db/schema/identity";
import { performanceApplications, schoolConsultations, scheduleDays } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { addDays, londonDate } from "../calendar/dates";
import { nextSequence } from "../documents/nextSequence";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { applicationForProducer } from "./access";
import { consultSchool } from "./consultSchool";
import { assessProducerPart } from "./producerPart";
import { LICENCE_RULES } from "./rules";
import { assertLicenceTransition, LICENCE_STATUS_LABELS } from "./states";

/** The kind under which application numbers are counted (the documents' gap-free counter). */
export const PERFORMANCE_APPLICATION_SEQUENCE_KIND = "performance-application";

export function formatPerformanceApplicationReference(authorityCode: string, year: number, sequence: number) {
  return `${authorityCode}-PA-${year}-${String(sequence).padStart(6, "0")}`;
}

/** PERF-APP-21: received less than 21 days before the first performance. Flagged for the officer, never refused. */
function isLateLicenceApplication(firstDay: string, today: string) {
  return firstDay < addDays(today, LICENCE_RULES["PERF-APP-21"].days);
}

type Application = typeof performanceApplications.$inferSelect;

/** What stops an application being sent, keyed for the submit page: the producer's part, the parent's part. */
function missingParts(application: Application, childFirstName: string) {
  const missing: Record<string, string[]> = {};
  if (!application.producerPartCompletedAt) missing.producerPart = ["Complete your part of the application: the schedule, payment, education and chaperones"];
  if (!application.parentPartCompletedAt) missing.parentPart = [`${childFirstName}'s parent has not completed their part of the application yet`];
  return missing;
}

async function describe(db: Db, application: Application) {
  const [details] = await db
    .select({
      childFirstName: children.firstName,
      childLastName: children.lastName,
      parentUserId: children.parentUserId,
      productionTitle: productions.title,
      productionFirstDate: productions.firstDate,
      organisationName: organisations.name,
      authorityCode: authorities.code,
      authorityName: authorities.name,
    })
    .from(children)
    .innerJoin(productions, eq(productions.id, application.productionId))
    .innerJoin(organisations, eq(organisations.id, application.organisationId))
    .innerJoin(authorities, eq(authorities.id, application.authorityId))
    .where(eq(children.id, application.childId));
  const days = await db
    .select({ date: scheduleDays.date, schoolDay: scheduleDays.schoolDay })
    .from(scheduleDays)
    .where(eq(scheduleDays.applicationId, application.id))
    .orderBy(asc(scheduleDays.date));
  // The schedule's first day; before the producer has entered one, the production's first date.
  const firstDay = days[0]?.date ?? details.productionFirstDate;
  return { ...details, childName: `${details.childFirstName} ${details.childLastName}`, days, firstDay, lastDay: days[days.length - 1]?.date ?? null };
}

/** The producer's submit page: the child, dates, whether both parts are complete and what is missing, and whether it would be late today. */
export async function getLicenceSubmission(db: Db, actor: Actor, applicationId: string, now = new Date()) {
  const application = await applicationForProducer(db, actor, applicationId);
  const d = await describe(db, application);
  const [consultation] = await db
    .select({ dueOn: schoolConsultations.dueOn })
    .from(schoolConsultations)
    .where(eq(schoolConsultations.applicationId, application.id))
    .orderBy(asc(schoolConsultations.createdAt));
  const missing = missingParts(application, d.childFirstName);
  return {
    id: application.id,
    status: application.status,
    statusLabel: LICENCE_STATUS_LABELS[application.status],
    reference: application.reference,
    late: application.late,
    childName: d.childName,
    productionTitle: d.productionTitle,
    organisationName: d.organisationName,
    authorityName: d.authorityName,
    firstDay: d.firstDay,
    lastDay: d.lastDay,
    dayCount: d.days.length,
    schoolDaysMissed: d.days.filter((day) => day.schoolDay).length,
    producerPartComplete: !!application.producerPartCompletedAt,
    parentPartComplete: !!application.parentPartCompletedAt,
    missing: Object.values(missing).flat(),
    canSubmit: application.status === "draft" && !Object.keys(missing).length,
    lateIfSentToday: isLateLicenceApplication(d.firstDay, londonDate(now)),
    schoolAnswerDueOn: consultation?.dueOn ?? null,
  };
}

/**
 * The producer sends a child's application, once both parts are complete, to the child's home authority. Gives it
 * its reference ({CODE}-PA-{year}-{000001}), flags it late when the first day is less than 21 days away
 * (PERF-APP-21), checks the producer's part again, audits it, emails the producer and the parent, and asks the school for its view where needed
 * (consultSchool) — all in one transaction.
 *
 * Safe to repeat (decision 028): the application's row is locked, so of two sends at once (a double-click, a
 * network retry, on any app process) the second waits and then finds it sent; a send replayed later finds the
 * same. Both answer `alreadySubmitted` with the reference and change nothing: one reference, one set of emails,
 * one audit row, one school consultation.
 */
export async function submitLicenceApplication(db: Db, actor: Actor, applicationId: string, baseUrl: string, now = new Date()) {
  await applicationForProducer(db, actor, applicationId);
  const today = londonDate(now);
  return db.transaction(async (tx) => {
    const application = await applicationForProducer(tx, actor, applicationId, { lock: true });
    if (application.reference) {
      const [consultation] = await tx
        .select({ id: schoolConsultations.id })
        .from(schoolConsultations)
        .where(eq(schoolConsultations.applicationId, application.id))
        .orderBy(asc(schoolConsultations.createdAt))
        .limit(1);
      return {
        applicationId: application.id,
        reference: application.reference,
        late: application.late,
        status: application.status,
        consultationId: consultation?.id ?? null,
        outboxIds: [] as string[],
        alreadySubmitted: true,
      };
    }
    const status = assertLicenceTransition(application.status, "submit");
    const d = await describe(tx, application);
    const missing = missingParts(application, d.childFirstName);
    if (Object.keys(missing).length) throw new RuleError(missing);
    // Checked again now: a chaperone's approval may have been suspended, or the child's days changed, since.
    if (!(await assessProducerPart(tx, application)).complete) {
      throw new RuleError({ producerPart: ["Your part of the application has changed since it was completed: check the schedule, chaperones and education again"] });
    }

    const late = isLateLicenceApplication(d.firstDay, today);
    const year = Number(today.slice(0, 4));
    const reference = formatPerformanceApplicationReference(
      d.authorityCode,
      year,
      await nextSequence(tx, application.authorityId, PERFORMANCE_APPLICATION_SEQUENCE_KIND, year),
    );
    const [submitted] = await tx
      .update(performanceApplications)
      .set({ status, reference, late, submittedAt: now, updatedAt: now })
      .where(eq(performanceApplications.id, application.id))
      .returning();
    await recordAudit(tx, actor, {
      action: "performance-application.submitted",
      recordType: "performance-application",
      recordId: application.id,
      before: { status: application.status },
      after: {
        status,
        reference,
        authority: d.authorityName,
        firstDay: d.firstDay,
        late,
        summary: `${reference} for ${d.childName} to ${d.authorityName}${late ? ` (less than ${LICENCE_RULES["PERF-APP-21"].days} days before the first performance)` : ""}`,
      },
    });

    const [producer] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, actor.userId!));
    const [parent] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, d.parentUserId));
    const common = {
      reference,
      childName: d.childName,
      productionTitle: d.productionTitle,
      organisationName: d.organisationName,
      authorityName: d.authorityName,
      firstDay: d.firstDay,
      late,
      lateDays: LICENCE_RULES["PERF-APP-21"].days,
    };
    const outboxIds = [
      await queueEmail(tx, producer.email, "licence-submitted", { ...common, name: producer.name, to: "producer", url: `${baseUrl}/producer/applications/${application.id}` }),
      await queueEmail(tx, parent.email, "licence-submitted", {
        ...common,
        name: parent.name,
        to: "parent",
        url: `${baseUrl}/children/${application.childId}/applications/${application.id}`,
      }),
    ];
    const consulted = await consultSchool(tx, actor, submitted, baseUrl, now);
    outboxIds.push(...consulted.outboxIds);
    return { applicationId: application.id, reference, late, status: consulted.status, consultationId: consulted.consultationId, outboxIds, alreadySubmitted: false };
  });
}
