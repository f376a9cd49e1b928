/**
 * Factories for the school's side of a performance licence application (SCHOOL-*): a consultation with a known
 * link token, for tests and the demo seed.
 */
import { addWorkingDays } from "../app/domain/calendar/workingDays";
import { londonDate } from "../app/domain/calendar/dates";
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
 * Demo: Oliver Example's submitted application for Cinderella, waiting for Northmere Primary School, which is
 * asked by the link with DEMO_SCHOOL_TOKEN. Two of his three days are school days.
 */
export async function createDemoSchoolConsultation(
  db: Db,
  d: { authorityId: string; organisationId: string; productionId: string; childId: string; schoolId: string; schoolEmail: string; reference: string; now?: Date },
) {
  const now = d.now ?? new Date();
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
      { date: "2026-12-01", arrive: "12:30", depart: "21:00", schoolDay: true, chaperone: "parent" },
      { date: "2026-12-02", arrive: "12:30", depart: "21:00", schoolDay: true, chaperone: "parent" },
      { date: "2026-12-05", arrive: "13:00", depart: "20:30", schoolDay: false, chaperone: "parent" },
    ],
  );
  const { consultation } = await createSchoolConsultation(
    db,
    { applicationId: application.id, schoolId: d.schoolId, email: d.schoolEmail },
    { token: DEMO_SCHOOL_TOKEN, now },
  );
  return { application, consultation, token: DEMO_SCHOOL_TOKEN };
}
