/**
 * The hours page's fields for one week (term time or school holidays): each day Monday to Sunday, up to two
 * shifts, each a start and an end typed as HH:MM. Read and checked the same way in the browser, in the action and
 * in the verb. Browser-safe: no database values imported.
 */
import type { Weekday, WeekPattern } from "#db/schema/employment";

export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const satisfies readonly Weekday[];
export const DAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};
export const SHIFTS_PER_DAY = 2;
const ORDINALS = ["first", "second"] as const;

export const PATTERN_WEEKS = ["term", "holiday"] as const;
export type PatternWeek = (typeof PATTERN_WEEKS)[number];
export const PATTERN_WEEK_TITLES: Record<PatternWeek, string> = { term: "Hours in term time", holiday: "Hours in the school holidays" };

export const shiftField = (day: Weekday, shift: number, edge: "start" | "end") => `${day}-${shift}-${edge}`;
/** Every field in page order (for the error summary). */
export const PATTERN_FIELDS = DAYS.flatMap((day) =>
  Array.from({ length: SHIFTS_PER_DAY }, (_, i) => [shiftField(day, i + 1, "start"), shiftField(day, i + 1, "end")]).flat(),
);

/** "7:30", "07:30", "0730" or "7.30" as "07:30"; null when it is not a time of day. */
function normaliseTime(raw: string): string | null {
  const m = raw.trim().match(/^(\d{1,2})[:.]?(\d{2})$/);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${m[2]}`;
}

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/** The typed fields as a week's pattern, with a GOV.UK message per field that is wrong (blank shifts are not worked). */
export function readPatternFields(values: Record<string, unknown>): { pattern: WeekPattern; errors: Record<string, string> } {
  const pattern = Object.fromEntries(DAYS.map((d) => [d, [] as { start: string; end: string }[]])) as WeekPattern;
  const errors: Record<string, string> = {};
  for (const day of DAYS) {
    const shifts: { n: number; start: string; end: string }[] = [];
    for (let n = 1; n <= SHIFTS_PER_DAY; n++) {
      const what = `${DAY_NAMES[day]}'s ${ORDINALS[n - 1]} shift`;
      const [startField, endField] = [shiftField(day, n, "start"), shiftField(day, n, "end")];
      const [startRaw, endRaw] = [text(values[startField]), text(values[endField])];
      if (!startRaw && !endRaw) continue;
      const [start, end] = [normaliseTime(startRaw), normaliseTime(endRaw)];
      if (!startRaw) errors[startField] = `Enter when ${what} starts`;
      else if (!start) errors[startField] = `Enter when ${what} starts as a time on the 24-hour clock, like 07:30`;
      if (!endRaw) errors[endField] = `Enter when ${what} ends`;
      else if (!end) errors[endField] = `Enter when ${what} ends as a time on the 24-hour clock, like 16:00`;
      if (!start || !end) continue;
      if (end <= start) {
        errors[endField] = `${capitalise(what)} must end after it starts`;
        continue;
      }
      shifts.push({ n, start, end });
    }
    const [a, b] = shifts;
    if (a && b && a.start < b.end && b.start < a.end) {
      errors[shiftField(day, b.n, "start")] = `${DAY_NAMES[day]}'s shifts overlap: the second shift must start after the first one ends`;
      continue;
    }
    pattern[day] = shifts.sort((x, y) => (x.start < y.start ? -1 : 1)).map(({ start, end }) => ({ start, end }));
  }
  return { pattern, errors };
}

/** A saved pattern as the page's fields. */
export function patternToFields(pattern: WeekPattern | null | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!pattern) return fields;
  for (const day of DAYS) {
    (pattern[day] ?? []).forEach((s, i) => {
      fields[shiftField(day, i + 1, "start")] = s.start;
      fields[shiftField(day, i + 1, "end")] = s.end;
    });
  }
  return fields;
}

/** The server's check of a pattern built elsewhere: the same messages, plus at most two shifts a day. */
export function patternErrors(pattern: WeekPattern): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const day of DAYS) {
    const shifts = pattern[day];
    if (!Array.isArray(shifts)) errors[shiftField(day, 1, "start")] = `Enter ${DAY_NAMES[day]}'s shifts`;
    else if (shifts.length > SHIFTS_PER_DAY) errors[shiftField(day, 1, "start")] = `Enter at most ${SHIFTS_PER_DAY} shifts on ${DAY_NAMES[day]}`;
  }
  if (Object.keys(errors).length) return errors;
  const raw = Object.fromEntries(
    DAYS.flatMap((day) => pattern[day].flatMap((s, i) => [[shiftField(day, i + 1, "start"), String(s?.start ?? "")], [shiftField(day, i + 1, "end"), String(s?.end ?? "")]])),
  );
  const read = readPatternFields(raw);
  // a stored pattern must already be in HH:MM
  for (const day of DAYS) {
    pattern[day].forEach((s, i) => {
      if (!read.errors[shiftField(day, i + 1, "start")] && normaliseTime(s.start) !== s.start) read.errors[shiftField(day, i + 1, "start")] = "Enter times as HH:MM";
      if (!read.errors[shiftField(day, i + 1, "end")] && normaliseTime(s.end) !== s.end) read.errors[shiftField(day, i + 1, "end")] = "Enter times as HH:MM";
    });
  }
  return read.errors;
}

export const hasShifts = (pattern: WeekPattern | null | undefined) => !!pattern && DAYS.some((d) => (pattern[d] ?? []).length > 0);

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Minutes worked in the week. */
export const weekMinutes = (pattern: WeekPattern | null | undefined) =>
  pattern ? DAYS.reduce((sum, d) => sum + (pattern[d] ?? []).reduce((m, s) => m + toMinutes(s.end) - toMinutes(s.start), 0), 0) : 0;

/** "07:00 to 08:00 and 16:00 to 17:30", or "Not worked". */
export const describeDay = (shifts: { start: string; end: string }[] | undefined) =>
  shifts?.length ? shifts.map((s) => `${s.start} to ${s.end}`).join(" and ") : "Not worked";

/** "12 hours", "1 hour 30 minutes". */
export function describeMinutes(total: number) {
  const [h, m] = [Math.floor(total / 60), total % 60];
  const parts = [h ? `${h} hour${h === 1 ? "" : "s"}` : "", m ? `${m} minute${m === 1 ? "" : "s"}` : ""].filter(Boolean);
  return parts.join(" ") || "0 hours";
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
