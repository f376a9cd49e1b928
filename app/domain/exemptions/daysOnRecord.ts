import { and, eq, gte, lte } from "drizzle-orm";
import { performanceDays } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import { addMonths } from "../calendar/dates";

/**
 * The days on a child's performance record that count for the four-day rule on `dates` (sorted): from 6 months
 * before the first to the last (EXEMPT-4DAY). One index range scan (performance_days_child_date_idx).
 */
export function daysOnRecord(db: Db, childId: string, dates: string[]) {
  return db
    .select({ date: performanceDays.date, productionId: performanceDays.productionId })
    .from(performanceDays)
    .where(and(eq(performanceDays.childId, childId), gte(performanceDays.date, addMonths(dates[0], -6)), lte(performanceDays.date, dates[dates.length - 1])));
}
