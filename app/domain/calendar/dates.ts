/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone can shift a day; and how the service writes
 * dates and times, GOV.UK style.
 */

/** Whole years between a date of birth and a date. */
export function ageOn(dateOfBirth: string, on: string) {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number);
  const [y, m, d] = on.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Adds calendar months, clamping to the month's end (31 Aug − 6 months → 28/29 Feb). */
export function addMonths(date: string, months: number) {
  const [y, m, d] = date.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number) {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Calendar days from one YYYY-MM-DD date to another: 2 June to 6 June is 4 (negative when `to` is earlier). */
export function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const LONDON_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** London is always a whole number of hours from UTC, so its date is the same all through each UTC hour. */
let lastHour = { hour: Number.NaN, date: "" };

/** The date in London (today, or when `at` happened) as YYYY-MM-DD. */
export function londonDate(at = new Date()) {
  const hour = Math.floor(at.getTime() / 3_600_000);
  if (hour !== lastHour.hour) lastHour = { hour, date: LONDON_DAY.format(at) };
  return lastHour.date;
}

/** True for a real calendar date written YYYY-MM-DD, whatever was sent. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === value;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "14 March 2026" from YYYY-MM-DD; anything else is given back as it is, so an odd stored value never breaks a page. */
export function formatDate(iso: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

const LONDON_DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
/** "14 Mar 2026, 17:30": when something happened (a timestamp), in London. */
export const formatMoment = (at: string | Date) => LONDON_DATE_TIME.format(new Date(at));

const LONDON_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
/** "14 March 2026": the day in London something happened (a timestamp). */
export const formatMomentDate = (at: string | Date) => LONDON_DATE.format(new Date(at));

/**
 * "Sat 14 March 2026": what Intl gives for en-GB with a short weekday, at a fraction of its cost (pages and rule
 * reasons list many days; tests/unit/calendar-dates.test.ts compares the two).
 */
export function formatDay(iso: string) {
  const t = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(t.getTime())) throw new RangeError(`Not a date: ${iso}`);
  return `${WEEKDAYS[t.getUTCDay()]} ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}
