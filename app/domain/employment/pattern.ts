/**
 * A job's usual hours as a weekly pattern (term time and school holidays), turned into dated shifts so the
 * EMPLOY-* rules can judge them by the child's age. Pure and browser-safe.
 */
import { WEEKDAYS, type WeekPattern } from "#db/schema/employment";
import { addDays } from "../calendar/dates";
import { checkEmployment, type DayType, type EmploymentOptions, type Occupation, type Shift } from "./rules";

export const WEEKDAY_NAMES = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" } as const;

export const emptyPattern = (): WeekPattern => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });

/** The first Monday on or after `date`. */
export const mondayOnOrAfter = (date: string) => addDays(date, (8 - new Date(`${date}T00:00:00Z`).getUTCDay()) % 7);

/** The pattern as the shifts of the week beginning `monday`: weekdays are school days in term time, holiday weekdays otherwise. */
export function patternShifts(pattern: WeekPattern, monday: string, term: boolean): Shift[] {
  return WEEKDAYS.flatMap((day, i) => {
    const dayType: DayType = day === "sat" ? "saturday" : day === "sun" ? "sunday" : term ? "school" : "holiday";
    return (pattern[day] ?? []).map((s) => ({ date: addDays(monday, i), start: s.start, end: s.end, dayType }));
  });
}

/**
 * Checks the term-time and holiday patterns of a job starting on `startDate`, each as the first full week from the
 * start date; a pattern with no hours is not checked. Findings say which pattern they come from.
 */
export function checkPatterns(
  input: { dateOfBirth: string; occupation: Occupation; startDate: string; termPattern: WeekPattern | null; holidayPattern: WeekPattern | null },
  options: EmploymentOptions = {},
) {
  const monday = mondayOnOrAfter(input.startDate);
  const result = (pattern: WeekPattern | null, term: boolean) => {
    const shifts = pattern ? patternShifts(pattern, monday, term) : [];
    if (!shifts.length) return [];
    return checkEmployment({ child: { dateOfBirth: input.dateOfBirth }, occupation: input.occupation, shifts }, options).findings;
  };
  const term = result(input.termPattern, true).map((f) => ({ ...f, pattern: "term" as const }));
  // a prohibited occupation is reported once
  const holiday = result(input.holidayPattern, false)
    .filter((f) => !(f.rule === "EMPLOY-PROHIBITED" && term.length))
    .map((f) => ({ ...f, pattern: "holiday" as const }));
  const findings = [...term, ...holiday];
  return { ok: findings.length === 0, findings };
}
