import { performanceDays } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { isIsoDate, londonDate } from "../calendar/dates";
import { RuleError } from "../errors";
import { loadOwnChild } from "./access";

export type ReportedDayInput = { date: string; productionTitle: string; organiserName: string };

export const REPORTED_DAY_TEXT_MAX = 200;

/**
 * A parent adds a day their child performed somewhere the service didn't record (before it existed, or in
 * another council's area). The four-day rule (EXEMPT-4DAY) counts it like any other day on the record.
 */
export async function reportPerformanceDay(db: Db, actor: Actor, childId: string, input: ReportedDayInput, now = new Date()) {
  const child = await loadOwnChild(db, actor, childId);
  const errors: Record<string, string[]> = {};
  const productionTitle = input.productionTitle?.trim() ?? "";
  const organiserName = input.organiserName?.trim() ?? "";
  if (!isIsoDate(input.date ?? "")) errors.dateDay = ["Enter the date of the performance"];
  else if (input.date > londonDate(now)) errors.dateDay = ["The date of the performance must be today or in the past"];
  else if (input.date < child.dateOfBirth) errors.dateDay = ["The date of the performance must be after the child's date of birth"];
  if (!productionTitle) errors.productionTitle = ["Enter the name of the production or show"];
  else if (productionTitle.length > REPORTED_DAY_TEXT_MAX) errors.productionTitle = [`The name of the production must be ${REPORTED_DAY_TEXT_MAX} characters or fewer`];
  if (!organiserName) errors.organiserName = ["Enter who organised it"];
  else if (organiserName.length > REPORTED_DAY_TEXT_MAX) errors.organiserName = [`Who organised it must be ${REPORTED_DAY_TEXT_MAX} characters or fewer`];
  if (Object.keys(errors).length) throw new RuleError(errors);

  return db.transaction(async (tx) => {
    const [day] = await tx
      .insert(performanceDays)
      .values({ childId: child.id, date: input.date, kind: "performance", basis: "reported-by-parent", productionTitle, organiserName, recordedByUserId: actor.userId, createdAt: now })
      .returning({ id: performanceDays.id });
    await recordAudit(tx, actor, {
      action: "child.performance-day-reported",
      recordType: "child",
      recordId: child.id,
      after: { performanceDayId: day.id, date: input.date, productionTitle, organiserName },
    });
    return { performanceDayId: day.id };
  });
}
