import { and, asc, eq, gte, lte, ne } from "drizzle-orm";
import { authorities, organisations, schools } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { type PerformanceApplicationStatus, performanceApplications, scheduleDays, type schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import { londonDate } from "../documents/states";
import { consultationClock, timeLeft } from "./consultationClock";

export type ConsultationRow = typeof schoolConsultations.$inferSelect;

/** While the council is still deciding, the school's answer is taken (it moves the status on only from "awaiting-school"). */
export const CONSULTATION_OPEN_STATUSES: PerformanceApplicationStatus[] = ["submitted", "awaiting-school", "under-review", "information-requested"];

/** 1 September of the school year `today` falls in (school years run 1 Sep–31 Aug). */
export function schoolYearStart(today: string) {
  const [y, m] = today.split("-").map(Number);
  return `${m >= 9 ? y : y - 1}-09-01`;
}

/**
 * Only what the school needs (DOMAIN.md §2): the child's name and date of birth, the production, each day's
 * times at the venue, the school days missed and the absences already licensed this school year. Never the
 * address, health, photograph or anything else from the parent's part.
 */
export async function consultationView(db: Db, consultation: ConsultationRow, today: string) {
  const [row] = await db
    .select({
      reference: performanceApplications.reference,
      childId: performanceApplications.childId,
      applicationSchoolName: performanceApplications.schoolName,
      firstName: children.firstName,
      lastName: children.lastName,
      dateOfBirth: children.dateOfBirth,
      productionTitle: productions.title,
      venueName: productions.venueName,
      organisationName: organisations.name,
      authorityName: authorities.name,
    })
    .from(performanceApplications)
    .innerJoin(children, eq(children.id, performanceApplications.childId))
    .innerJoin(productions, eq(productions.id, performanceApplications.productionId))
    .innerJoin(organisations, eq(organisations.id, performanceApplications.organisationId))
    .innerJoin(authorities, eq(authorities.id, performanceApplications.authorityId))
    .where(eq(performanceApplications.id, consultation.applicationId));
  const [school] = consultation.schoolId ? await db.select({ name: schools.name }).from(schools).where(eq(schools.id, consultation.schoolId)) : [];

  const days = await db
    .select({ date: scheduleDays.date, kind: scheduleDays.kind, arrive: scheduleDays.arrive, depart: scheduleDays.depart, schoolDay: scheduleDays.schoolDay })
    .from(scheduleDays)
    .where(eq(scheduleDays.applicationId, consultation.applicationId))
    .orderBy(asc(scheduleDays.date));

  const since = schoolYearStart(today);
  const licensed = await db
    .selectDistinct({ date: scheduleDays.date })
    .from(scheduleDays)
    .innerJoin(performanceApplications, eq(performanceApplications.id, scheduleDays.applicationId))
    .where(
      and(
        eq(performanceApplications.childId, row.childId),
        eq(performanceApplications.status, "granted"),
        ne(performanceApplications.id, consultation.applicationId),
        eq(scheduleDays.schoolDay, true),
        gte(scheduleDays.date, since),
        lte(scheduleDays.date, `${Number(since.slice(0, 4)) + 1}-08-31`),
      ),
    )
    .orderBy(asc(scheduleDays.date));

  return {
    consultationId: consultation.id,
    reference: row.reference ?? "",
    authorityName: row.authorityName,
    schoolName: school?.name ?? row.applicationSchoolName ?? "",
    child: { name: `${row.firstName} ${row.lastName}`, dateOfBirth: row.dateOfBirth },
    production: { title: row.productionTitle, organisationName: row.organisationName, venueName: row.venueName },
    days,
    schoolDaysMissed: days.filter((d) => d.schoolDay).map((d) => d.date),
    licensedAbsences: { since, count: licensed.length, dates: licensed.map((d) => d.date) },
    dueOn: consultation.dueOn,
    timeLeft: timeLeft(consultation.dueOn, today),
    clock: consultationClock(consultation.dueOn, today, consultation.respondedAt),
  };
}

export type ConsultationView = Awaited<ReturnType<typeof consultationView>>;

export type ConsultationAnswer = {
  response: "consent" | "object";
  grounds: string[];
  reasons: string | null;
  respondedByName: string;
  respondedAt: string;
};

/** What a link or the school's desk shows: the link shows an answered consultation's date and name only. */
export type ConsultationPage =
  | { state: "expired" }
  | { state: "closed" }
  | { state: "answered"; answeredAt: string; answeredBy: string; details: { view: ConsultationView; answer: ConsultationAnswer } | null }
  | { state: "open"; view: ConsultationView };

export function answerOf(c: ConsultationRow): ConsultationAnswer {
  return {
    response: c.response!,
    grounds: c.grounds ?? [],
    reasons: c.reasons,
    respondedByName: c.respondedByName ?? "",
    respondedAt: c.respondedAt!.toISOString(),
  };
}

/** The application's status, to tell whether the school's answer is still wanted. */
async function applicationStatus(db: Db, applicationId: string) {
  const [row] = await db.select({ status: performanceApplications.status }).from(performanceApplications).where(eq(performanceApplications.id, applicationId));
  return row.status;
}

/** What a consultation shows to whoever holds it: its answer, or the application while the council still wants one. */
export async function consultationPage(db: Db, consultation: ConsultationRow, now: Date, withDetails: boolean): Promise<ConsultationPage> {
  const today = londonDate(now);
  if (consultation.respondedAt) {
    const answeredAt = consultation.respondedAt.toISOString();
    const answeredBy = consultation.respondedByName ?? "";
    if (!withDetails) return { state: "answered", answeredAt, answeredBy, details: null };
    return { state: "answered", answeredAt, answeredBy, details: { view: await consultationView(db, consultation, today), answer: answerOf(consultation) } };
  }
  if (!CONSULTATION_OPEN_STATUSES.includes(await applicationStatus(db, consultation.applicationId))) return { state: "closed" };
  return { state: "open", view: await consultationView(db, consultation, today) };
}
