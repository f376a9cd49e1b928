/**
 * Factories for the school's side of a performance licence application (SCHOOL-*): a consultation with a known
 * link token, for tests and the demo seed.
 */
import { addWorkingDays } from "../app/domain/calendar/workingDays";
import { addDays, londonDate } from "../app/domain/calendar/dates";
import { hashToken, newToken } from "../app/domain/identity/tokens";
import type { Db } from "../app/server/db.server";
import { createPerformanceApplication } from "./factories";
import { schoolConsultations } from "./schema/licences";

/** The demo school's link: /school-consultations/DemoSchoolLinkOliverExampleCinderella2026xy (demo data only). */
export const DEMO_SCHOOL_TOKEN = "DemoSchoolLinkOliverExampleCinderella2026xy";

/** A consultation of an application's school, due in 5 working days, its link working for 14 days; returns the row and the link's token. */
export async function createSchoolConsultation(
  db: Db,
  overrides: Partial<typeof schoolConsultations.$inferInsert> & { applicationId: string },
  { token = newToken().token, now = new Date() }: { token?: string; now?: Date } = {},
) {
  const [consultation] = await db
    .insert(schoolConsultations)
    .values({
      email: "head@school.example",
      expiresAt: new Date(now.getTime() + 14 * 86_400_000),
      dueOn: addWorkingDays(londonDate(now), 5),
      createdAt: now,
      ...overrides,
      tokenHash: hashToken(token),
    })
    .returning();
  return { consultation, token };
}

/**
 * The demo's Cinderella days for Oliver, counted from the day the demo is seeded so they are always ahead: the first
 * Tuesday at least four weeks on and outside the Christmas holidays (so the application is on time and the school's
 * answer, due in 5 working days, comes well before), the Wednesday after (both school days) and that Saturday.
 */
export function demoCinderellaDays(today = londonDate()) {
  let tuesday = addDays(today, 28);
  while (new Date(`${tuesday}T00:00:00Z`).getUTCDay() !== 2) tuesday = addDays(tuesday, 1);
  const christmas = (day: string) => day.slice(5) >= "12-18" || day.slice(5) <= "01-05";
  while (christmas(tuesday) || christmas(addDays(tuesday, 4))) tuesday = addDays(tuesday, 7);
  return { tuesday, wednesday: addDays(tuesday, 1), saturday: addDays(tuesday, 4) };
}

/**
 * Demo: Oliver Example's submitted application for Cinderella, waiting for Northmere Primary School, which is
 * asked by the link with DEMO_SCHOOL_TOKEN. Two of his three days are school days.
 */
export async function createDemoSchoolConsultation(
  db: Db,
  d: { authorityId: string; organisationId: string; productionId: string; childId: string; schoolId: string; schoolEmail: string; reference: string; now?: Date },
) {
  const now = d.now ?? new Date();
  const days = demoCinderellaDays(londonDate(now));
  const application = await createPerformanceApplication(
    db,
    {
      authorityId: d.authorityId,
      organisationId: d.organisationId,
      productionId: d.productionId,
      childId: d.childId,
      schoolId: d.schoolId,
      reference: d.reference,
      status: "awaiting-school",
      paid: true,
      paymentDetails: "£40 a performance, paid into a trust account",
      tutorName: "Tess Tutor",
      tutorHoursPerDay: 3,
      pupilsPerTutor: 4,
      hasHealthConditions: false,
      hasOtherCouncilDecisions: false,
      consentName: "Priya Parent",
      producerPartCompletedAt: now,
      parentPartCompletedAt: now,
      submittedAt: now,
    },
    [
      { date: days.tuesday, arrive: "12:30", depart: "21:00", schoolDay: true, chaperone: "parent" },
      { date: days.wednesday, arrive: "12:30", depart: "21:00", schoolDay: true, chaperone: "parent" },
      { date: days.saturday, arrive: "13:00", depart: "20:30", schoolDay: false, chaperone: "parent" },
    ],
  );
  const { consultation } = await createSchoolConsultation(
    db,
    { applicationId: application.id, schoolId: d.schoolId, email: d.schoolEmail },
    { token: DEMO_SCHOOL_TOKEN, now },
  );
  return { application, consultation, token: DEMO_SCHOOL_TOKEN };
}
