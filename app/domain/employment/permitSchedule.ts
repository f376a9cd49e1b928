/** How a permit's usual hours and conditions are shown to the officer and printed on the permit. Browser-safe. */
import { WEEKDAYS, type WeekPattern } from "#db/schema/employment";
import { WEEKDAY_NAMES } from "./pattern";

/** "07:00–08:00, 16:00–17:00", or "Not worked". */
function shiftsText(shifts: { start: string; end: string }[] | undefined) {
  return shifts?.length ? shifts.map((s) => `${s.start}–${s.end}`).join(", ") : "Not worked";
}

/** One row a weekday: the day, its term-time shifts and its school-holiday shifts. */
export function patternRows(term: WeekPattern | null, holiday: WeekPattern | null): [string, string, string][] {
  return WEEKDAYS.map((day) => [WEEKDAY_NAMES[day], shiftsText(term?.[day]), shiftsText(holiday?.[day])]);
}

export const PATTERN_HEAD = ["Day", "Term time", "School holidays"];

/** Printed on every permit, before any the officer adds (DOMAIN.md §4). */
export const PERMIT_STANDARD_CONDITIONS = [
  "The child works only the hours shown in the schedule, and never during school hours.",
  "The child has a break of at least 1 hour after 4 hours' work.",
  "The child has at least 2 weeks in a row without work during the school holidays each year.",
  "The employer tells the council at once if the job, the hours or the workplace change, or the employment ends.",
  "The council may revoke this permit if the work is unlawful or the child's health, welfare or education suffers.",
] as const;

export const PERMIT_CONDITION_MAX = 500;
export const PERMIT_CONDITIONS_MAX = 20;
