/**
 * Reporting periods: the financial year default, the public page's last 12 months, checking a period typed on the
 * report page, and the instants that bound a period in Europe/London. Pure functions over ISO dates (YYYY-MM-DD);
 * browser-safe.
 */
import { addDays, addMonths, isIsoDate, formatDate, londonDate } from "../calendar/dates";

export type Period = { from: string; to: string };

/** The longest period one report covers: long enough to compare years, short enough to stay readable. */
export const MAX_PERIOD_YEARS = 5;

/** The date fields of the report page's period form, as typed. */
export const PERIOD_FIELDS = ["fromDay", "fromMonth", "fromYear", "toDay", "toMonth", "toYear"] as const;
export type PeriodField = (typeof PERIOD_FIELDS)[number];
export type PeriodInput = Record<PeriodField, string>;
export type PeriodErrors = Partial<Record<"fromDay" | "toDay", string>>;

/**
 * The last complete financial year (1 April to 31 March) before `today`: on 7 December 2026 that is 1 April 2025 to
 * 31 March 2026; on 31 March 2026 it is still 2024/25, because 2025/26 ends that day.
 */
export function lastCompleteFinancialYear(today: string): Period {
  const [year, month] = today.split("-").map(Number);
  const endYear = month >= 4 ? year : year - 1;
  return { from: `${endYear - 1}-04-01`, to: `${endYear}-03-31` };
}

/** The 12 months to `today`, both ends included: on 7 December 2026, 8 December 2025 to 7 December 2026. */
export function lastTwelveMonths(today: string): Period {
  return { from: addDays(addMonths(today, -12), 1), to: today };
}

/** The parts of an ISO date as a person types them: "2025-04-01" → 1, 4, 2025. */
export function periodInputOf(period: Period): PeriodInput {
  const parts = (iso: string) => iso.split("-").map((p) => String(Number(p)));
  const [fromYear, fromMonth, fromDay] = parts(period.from);
  const [toYear, toMonth, toDay] = parts(period.to);
  return { fromDay, fromMonth, fromYear, toDay, toMonth, toYear };
}

/** Day, month and year as typed, to an ISO date or a GOV.UK message naming the date. */
function dateFromParts(day: string, month: string, year: string, label: string): { iso: string } | { error: string } {
  const [d, m, y] = [day, month, year].map((v) => v.trim());
  if (!d && !m && !y) return { error: `Enter the ${label}` };
  const missing = [!d && "day", !m && "month", !y && "year"].filter(Boolean);
  if (missing.length) return { error: `The ${label} must include a ${missing.join(" and ")}` };
  if (![d, m].every((p) => /^\d{1,2}$/.test(p)) || !/^\d{4}$/.test(y)) return { error: `The ${label} must be a real date` };
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return isIsoDate(iso) && y >= "1900" ? { iso } : { error: `The ${label} must be a real date` };
}

/**
 * Checks the period typed on the report page: both dates real, the end not before the start, and at most
 * MAX_PERIOD_YEARS long. Errors are keyed by each date's first input (its day), as the error summary links to them.
 */
export function parsePeriod(input: PeriodInput): { ok: true; period: Period } | { ok: false; errors: PeriodErrors } {
  const from = dateFromParts(input.fromDay, input.fromMonth, input.fromYear, "start date");
  const to = dateFromParts(input.toDay, input.toMonth, input.toYear, "end date");
  const errors: PeriodErrors = {};
  if ("error" in from) errors.fromDay = from.error;
  if ("error" in to) errors.toDay = to.error;
  if ("iso" in from && "iso" in to) {
    if (to.iso < from.iso) errors.toDay = "The end date must be the same as or after the start date";
    else if (to.iso > addDays(addMonths(from.iso, MAX_PERIOD_YEARS * 12), -1)) errors.toDay = `The period must be ${MAX_PERIOD_YEARS} years or shorter`;
  }
  if ("iso" in from && "iso" in to && !errors.fromDay && !errors.toDay) return { ok: true, period: { from: from.iso, to: to.iso } };
  return { ok: false, errors };
}

/** True for a period written as ISO dates that parsePeriod would accept (the CSV links carry these). */
export function isValidPeriod(period: { from: string; to: string }) {
  if (!isIsoDate(period.from) || !isIsoDate(period.to)) return false;
  return parsePeriod(periodInputOf(period)).ok;
}

/**
 * The instant a London day starts: midnight GMT in winter, 23:00 UTC the day before in summer time. (The clocks
 * change at 01:00 UTC, so midnight itself is never skipped or repeated.)
 */
export function londonStartOf(iso: string): Date {
  const utcMidnight = new Date(`${iso}T00:00:00Z`);
  const summer = new Date(utcMidnight.getTime() - 3_600_000);
  return londonDate(summer) === iso ? summer : utcMidnight;
}

/** The instants bounding a period: from the start of its first day, up to (not including) the start of the day after its last. */
export function periodBounds(period: Period) {
  return { start: londonStartOf(period.from), end: londonStartOf(addDays(period.to, 1)) };
}

/** True when the instant falls on a London day within the period. */
export const inPeriod = (at: Date, bounds: { start: Date; end: Date }) => at >= bounds.start && at < bounds.end;

/** The calendar months a period touches, as YYYY-MM, first to last. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let month = `${period.from.slice(0, 7)}-01`; month.slice(0, 7) <= period.to.slice(0, 7); month = addMonths(month, 1)) {
    months.push(month.slice(0, 7));
  }
  return months;
}

const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
/** "2025-04" → "April 2025" */
export const monthLabel = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));

/** "1 April 2025 to 31 March 2026" */
export const periodLabel = (period: Period) => `${formatDate(period.from)} to ${formatDate(period.to)}`;
