import { and, asc, eq, gte, lte, ne } from "drizzle-orm";
import { schools } from "#db/schema/authorities";
import { productions } from "#db/schema/children";
import { employmentPermits } from "#db/schema/employment";
import { performanceApplications, scheduleDays, type schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import { londonDate } from "../calendar/dates";
import { consultationClock, timeLeft } from "./consultationClock";
import { consultationSubject } from "./subject";

export type ConsultationRow = typeof schoolConsultations.$inferSelect;


/** 1 September of the school year `today` falls in (school years run 1 Sep–31 Aug). */
function schoolYearStart(today: string) {
  const [y, m] = today.split("-").map(Number);
  return `${m >= 9 ? y : y - 1}-09-01`;
}

/**
 * Only what the school needs (DOMAIN.md §2, §4). For a performance: the child's name and date of birth, the
 * production, each day's times at the venue, the school days missed and the absences already licensed this school
 * year. For a job: the child, the employer, the job, the start date and the usual hours. Never the address, health,
 * photograph or anything else from the parent's part.
 */
export async function consultationView(db: Db, consultation: ConsultationRow, today: string) {
  const subject = await consultationSubject(db, consultation);
  const [school] = consultation.schoolId ? await db.select({ name: schools.name }).from(schools).where(eq(schools.id, consultation.schoolId)) : [];
  const common = {
    consultationId: consultation.id,
    reference: subject.reference,
    authorityName: subject.authorityName,
    schoolName: school?.name ?? subject.typedSchoolName ?? "",
    child: { name: subject.childName, dateOfBirth: subject.dateOfBirth },
    dueOn: consultation.dueOn,
    timeLeft: timeLeft(consultation.dueOn, today),
    clock: consultationClock(consultation.dueOn, today, consultation.respondedAt),
  };
  if (subject.kind === "permit") {
    const [p] = await db.select().from(employmentPermits).where(eq(employmentPermits.id, subject.recordId));
    return {
      kind: "permit" as const,
      ...common,
      job: {
        employer: p.businessName ?? "",
        occupation: subject.title,
        description: p.jobDescription ?? "",
        workplace: [p.workplaceAddress, p.workplacePostcode].filter(Boolean).join(", "),
        startDate: p.startDate ?? "",
        termPattern: p.termPattern,
        holidayPattern: p.holidayPattern,
      },
    };
  }
  const applicationId = subject.recordId;
  const [venue] = await db
    .select({ venueName: productions.venueName })
    .from(performanceApplications)
    .innerJoin(productions, eq(productions.id, performanceApplications.productionId))
    .where(eq(performanceApplications.id, applicationId));

  const days = await db
    .select({ date: scheduleDays.date, kind: scheduleDays.kind, arrive: scheduleDays.arrive, depart: scheduleDays.depart, schoolDay: scheduleDays.schoolDay })
    .from(scheduleDays)
    .where(eq(scheduleDays.applicationId, applicationId))
    .orderBy(asc(scheduleDays.date));

  const since = schoolYearStart(today);
  const licensed = await db
    .selectDistinct({ date: scheduleDays.date })
    .from(scheduleDays)
    .innerJoin(performanceApplications, eq(performanceApplications.id, scheduleDays.applicationId))
    .where(
      and(
        eq(performanceApplications.childId, subject.childId),
        eq(performanceApplications.status, "granted"),
        ne(performanceApplications.id, applicationId),
        eq(scheduleDays.schoolDay, true),
        gte(scheduleDays.date, since),
        lte(scheduleDays.date, `${Number(since.slice(0, 4)) + 1}-08-31`),
      ),
    )
    .orderBy(asc(scheduleDays.date));

  return {
    kind: "performance" as const,
    ...common,
    production: { title: subject.title, organisationName: subject.organisationName, venueName: venue.venueName },
    days,
    schoolDaysMissed: days.filter((d) => d.schoolDay).map((d) => d.date),
    licensedAbsences: { since, count: licensed.length, dates: licensed.map((d) => d.date) },
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

function answerOf(c: ConsultationRow): ConsultationAnswer {
  return {
    response: c.response!,
    grounds: c.grounds ?? [],
    reasons: c.reasons,
    respondedByName: c.respondedByName ?? "",
    respondedAt: c.respondedAt!.toISOString(),
  };
}

/** What a consultation shows to whoever holds it: its answer, or the application or permit while the council still wants one. */
export async function consultationPage(db: Db, consultation: ConsultationRow, now: Date, withDetails: boolean): Promise<ConsultationPage> {
  const today = londonDate(now);
  if (consultation.respondedAt) {
    const answeredAt = consultation.respondedAt.toISOString();
    const answeredBy = consultation.respondedByName ?? "";
    if (!withDetails) return { state: "answered", answeredAt, answeredBy, details: null };
    return { state: "answered", answeredAt, answeredBy, details: { view: await consultationView(db, consultation, today), answer: answerOf(consultation) } };
  }
  if (!(await consultationSubject(db, consultation)).open) return { state: "closed" };
  return { state: "open", view: await consultationView(db, consultation, today) };
}
