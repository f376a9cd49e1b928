/** School days from an authority's term dates (EDU-*, SCHOOL-*): pure, no database, no clock. */
import { isWorkingDay } from "../calendar/workingDays";

export type Term = { name: string; startDate: string; endDate: string };

/** A school day: within one of the terms (both ends included), Monday to Friday and not a bank holiday. */
export function isSchoolDay(date: string, terms: readonly Term[]) {
  return terms.some((t) => t.startDate <= date && date <= t.endDate) && isWorkingDay(date);
}

/** How many of the dates are school days. */
export function countSchoolDays(dates: readonly string[], terms: readonly Term[]) {
  return new Set(dates.filter((d) => isSchoolDay(d, terms))).size;
}

/** The first of the terms that overlaps the period, if any (terms may not overlap). */
export function overlappingTerm<T extends Term>(startDate: string, endDate: string, terms: readonly T[]) {
  return terms.find((t) => t.startDate <= endDate && startDate <= t.endDate);
}
