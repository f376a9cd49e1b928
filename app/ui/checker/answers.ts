/**
 * The public "Check if a child needs a performance licence" questions: the answers, the order of the pages and
 * what the answers mean for checkExemption. Pure and browser-safe.
 */
import { z } from "zod";
import { formatDay, isIsoDate } from "~/domain/calendar/dates";
import { daysCountedFor, type ExemptionInput, fourDayWindow, schoolLeavingDate } from "~/domain/exemptions/rules";

export const CHECKER_PATH = "/check-if-a-licence-is-needed";

/** PERF-APP-21 (DOMAIN.md §1.4): a council may refuse an application received less than 21 days before the first performance. */
export const APPLY_DAYS_BEFORE = 21;

/** The most dates each add-another page takes. */
export const MAX_DATES = 60;

const isoDate = z.string().refine(isIsoDate);

/** What the cookie holds; a cookie that does not match (an older shape, say) counts as no answers. */
export const CheckerAnswers = z.object({
  /** "" when the person did not know it. */
  postcode: z.string().max(10).optional(),
  dateOfBirth: isoDate.optional(),
  dates: z.array(isoDate).max(MAX_DATES).default([]),
  performedBefore: z.boolean().optional(),
  earlierDates: z.array(isoDate).max(MAX_DATES).default([]),
  paid: z.boolean().optional(),
  arrangedBySchool: z.boolean().optional(),
  organiserHoldsBopa: z.boolean().optional(),
  broadcast: z.boolean().optional(),
  absenceFromSchool: z.boolean().optional(),
});
export type CheckerAnswers = z.infer<typeof CheckerAnswers>;

export const EMPTY_ANSWERS: CheckerAnswers = { dates: [], earlierDates: [] };

export type YesNoKey = "performedBefore" | "paid" | "arrangedBySchool" | "organiserHoldsBopa" | "broadcast" | "absenceFromSchool";

type Step = { slug: string; applies?: (a: CheckerAnswers) => boolean; answered: (a: CheckerAnswers) => boolean };

/** The question pages in order. */
export const STEPS = [
  { slug: "where-does-the-child-live", answered: (a) => a.postcode !== undefined },
  { slug: "date-of-birth", answered: (a) => !!a.dateOfBirth },
  { slug: "performance-dates", answered: (a) => a.dates.length > 0 },
  { slug: "performed-before", answered: (a) => a.performedBefore !== undefined },
  { slug: "earlier-dates", applies: (a) => a.performedBefore === true, answered: (a) => a.earlierDates.length > 0 },
  { slug: "payment", answered: (a) => a.paid !== undefined },
  { slug: "school", answered: (a) => a.arrangedBySchool !== undefined },
  { slug: "bopa", answered: (a) => a.organiserHoldsBopa !== undefined },
  { slug: "broadcast", answered: (a) => a.broadcast !== undefined },
  { slug: "time-off-school", answered: (a) => a.absenceFromSchool !== undefined },
] as const satisfies readonly Step[];

export type StepSlug = (typeof STEPS)[number]["slug"];
export const CHECK_ANSWERS = "check-answers";
export const RESULT = "result";

export const stepPath = (slug: StepSlug | typeof CHECK_ANSWERS | typeof RESULT, fromCheck = false) => `${CHECKER_PATH}/${slug}${fromCheck ? "?from=check" : ""}`;

const applies = (step: Step, a: CheckerAnswers) => !("applies" in step && step.applies) || step.applies(a);
const indexOf = (slug: StepSlug) => STEPS.findIndex((s) => s.slug === slug);

/** The first question not yet answered (only those before `before`, when given), or null. */
export function firstUnanswered(a: CheckerAnswers, before?: StepSlug): StepSlug | null {
  const end = before ? indexOf(before) : STEPS.length;
  for (const step of STEPS.slice(0, end)) if (applies(step, a) && !step.answered(a)) return step.slug;
  return null;
}

/** The question after `slug` that applies, or null after the last one. */
export function nextStep(slug: StepSlug, a: CheckerAnswers): StepSlug | null {
  return STEPS.slice(indexOf(slug) + 1).find((s) => applies(s, a))?.slug ?? null;
}

/** The question before `slug` that applies, or null for the first one. */
export function previousStep(slug: StepSlug, a: CheckerAnswers): StepSlug | null {
  return (
    STEPS.slice(0, indexOf(slug))
      .reverse()
      .find((s) => applies(s, a))?.slug ?? null
  );
}

/** Where a saved answer leads: on to the next question, or back to check your answers (via anything a change left unanswered). */
export function afterAnswer(slug: StepSlug, a: CheckerAnswers, fromCheck: boolean) {
  if (fromCheck) {
    const missing = firstUnanswered(a);
    return missing ? stepPath(missing, true) : stepPath(CHECK_ANSWERS);
  }
  const next = nextStep(slug, a);
  return stepPath(next ?? CHECK_ANSWERS);
}

export const sortedDates = (dates: string[]) => [...new Set(dates)].sort();
export const firstDate = (a: CheckerAnswers) => sortedDates(a.dates)[0];

/** Earlier days may be given in the first performance date's four-day window: from 6 months before to the day before. */
export function earlierWindow(a: CheckerAnswers) {
  const first = firstDate(a);
  return first ? fourDayWindow(first) : null;
}

export type DateList = "dates" | "earlierDates";

/** Why a date cannot be added to a list (duplicates are simply ignored), or undefined. */
export function dateProblem(list: DateList, iso: string, a: CheckerAnswers) {
  const existing = a[list];
  if (existing.includes(iso)) return undefined;
  if (existing.length >= MAX_DATES) return `You can add up to ${MAX_DATES} dates`;
  if (a.dateOfBirth && iso < a.dateOfBirth) return `The date must be on or after the child's date of birth, ${formatDay(a.dateOfBirth)}`;
  const window = list === "earlierDates" ? earlierWindow(a) : null;
  if (window && (iso < window.from || iso > window.to)) {
    return `The date must be in the 6 months before ${formatDay(firstDate(a))}: from ${formatDay(window.from)} to ${formatDay(window.to)}`;
  }
  return undefined;
}

/** The answers as the exemption rules take them (every question must be answered). */
export function toExemptionInput(a: CheckerAnswers): ExemptionInput {
  return {
    child: { dateOfBirth: a.dateOfBirth ?? "" },
    performance: {
      dates: sortedDates(a.dates),
      paid: a.paid === true,
      absenceFromSchool: a.absenceFromSchool === true,
      broadcast: a.broadcast === true,
      organiserHoldsBopa: a.organiserHoldsBopa === true,
      arrangedBySchool: a.arrangedBySchool === true,
    },
    previousPerformanceDates: a.performedBefore ? sortedDates(a.earlierDates) : [],
  };
}

/** For each performance date while the child is of school age: the days counted in its four-day window. */
export function fourDayCounts(input: ExemptionInput) {
  const leaving = schoolLeavingDate(input.child.dateOfBirth);
  const dates = sortedDates(input.performance.dates).filter((d) => d <= leaving);
  return dates.map((date) => ({
    date,
    counted: daysCountedFor(
      date,
      input.previousPerformanceDates,
      dates.filter((d) => d < date),
    ),
  }));
}
