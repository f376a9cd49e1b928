/** Factories for employment permits: an application with both parts complete unless told otherwise. */
import type { Db } from "../app/server/db.server";
import { emptyPattern } from "../app/domain/employment/pattern";
import { employmentPermits, type WeekPattern } from "./schema/employment";

/** A paper round: 07:00–08:00 on school days, 08:00–10:00 on Saturdays, 08:00–10:00 on holiday weekdays. */
export function paperRound(): { term: WeekPattern; holiday: WeekPattern } {
  const term = emptyPattern();
  const holiday = emptyPattern();
  for (const day of ["mon", "tue", "wed", "thu", "fri"] as const) {
    term[day] = [{ start: "07:00", end: "08:00" }];
    holiday[day] = [{ start: "08:00", end: "10:00" }];
  }
  term.sat = holiday.sat = [{ start: "08:00", end: "10:00" }];
  return { term, holiday };
}

export async function createEmploymentPermit(
  db: Db,
  overrides: Partial<typeof employmentPermits.$inferInsert> & { authorityId: string; childId: string; parentUserId: string },
) {
  const now = new Date();
  const pattern = paperRound();
  const [row] = await db
    .insert(employmentPermits)
    .values({
      startedBy: "employer",
      businessName: "Corner Newsagents Ltd",
      workplaceAddress: "12 High Street, Northmere",
      workplacePostcode: "NM2 3CD",
      occupation: "newspaper-delivery",
      jobDescription: "Delivering newspapers on a round of about 40 houses",
      startDate: "2026-12-01",
      termPattern: pattern.term,
      holidayPattern: pattern.holiday,
      supervisorName: "Erin Employer",
      riskAssessmentConfirmed: true,
      employerPartCompletedAt: now,
      hasHealthConditions: false,
      consentName: "Priya Parent",
      parentPartCompletedAt: now,
      ...overrides,
    })
    .returning();
  return row;
}
