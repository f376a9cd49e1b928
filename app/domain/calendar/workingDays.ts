import { addDays } from "./dates";

/**
 * Working days (DOMAIN.md §0): Monday to Friday, excluding England & Wales bank holidays. Pure: ISO dates
 * (YYYY-MM-DD) in and out.
 */

/**
 * England & Wales bank holidays, substitute days included.
 * Source: GOV.UK, "UK bank holidays" (https://www.gov.uk/bank-holidays, data at https://www.gov.uk/bank-holidays.json,
 * division "england-and-wales"). Add each new year when GOV.UK publishes it: years not listed count weekends only.
 */
export const BANK_HOLIDAYS_ENGLAND_AND_WALES: Record<number, readonly string[]> = {
  2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
  2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
  2027: ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
  2028: ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"],
};

const holidays = new Set(Object.values(BANK_HOLIDAYS_ENGLAND_AND_WALES).flat());

/** Monday to Friday and not a bank holiday, nor one of `closures` (extra dates the council is closed). */
export function isWorkingDay(isoDate: string, closures: readonly string[] = []) {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidays.has(isoDate) && !closures.includes(isoDate);
}

/** The date `n` working days after `isoDate` (which itself is not counted): 5 working days from Friday is the next Friday. */
export function addWorkingDays(isoDate: string, n: number, closures: readonly string[] = []) {
  let date = isoDate;
  for (let counted = 0; counted < n; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date, closures)) counted++;
  }
  return date;
}
