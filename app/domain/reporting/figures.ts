/**
 * The arithmetic of the annual report and the public service performance page: shares, medians, calendar and
 * working days, and each figure from plain rows. Pure functions over ISO dates (YYYY-MM-DD, Europe/London); no
 * database, no clock. Browser-safe.
 */
import { addWorkingDays, isWorkingDay } from "../calendar/workingDays";
import { addDays, daysBetween } from "../calendar/dates";

/** `met` of `count`, and the share (null when there is nothing to count: never a division by zero). */
export type Share = { count: number; met: number; share: number | null };

export const shareOf = (met: number, count: number): Share => ({ count, met, share: count ? met / count : null });

/** "75%" (rounded to a whole percent), or "–" when there is nothing to count. */
export const percent = (share: Share) => (share.share === null ? "–" : `${Math.round(share.share * 100)}%`);

/** The middle value (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Working days after `from` up to and including `to` (weekends, England & Wales bank holidays and the council's
 * closure days don't count): from Monday to the next Monday is 5. The day the clock starts is not counted, as in
 * addWorkingDays.
 */
export function workingDaysBetween(from: string, to: string, closures: readonly string[] = []) {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day, closures)) count++;
  return count;
}

/** Decided within `target` working days of being received: on or before the target-th working day after it. */
export function withinWorkingDays(receivedOn: string, decidedOn: string, target: number, closures: readonly string[] = []) {
  return decidedOn <= addWorkingDays(receivedOn, target, closures);
}

/** One decided application: received and decided (London dates), the outcome, and its first performance day if it has one. */
export type Decision = { submittedOn: string; decidedOn: string; outcome: "granted" | "refused"; firstDayOn?: string | null };

export type DecisionFigures = {
  decided: number;
  granted: number;
  refused: number;
  /** Median calendar days from receipt to decision. */
  medianDays: number | null;
  /** Decided before the day of the first performance (applications with a schedule only). */
  beforeFirstPerformance: Share;
  /** Decided within the council's target working days (null when no target is given). */
  withinTarget: Share | null;
};

/** The decision figures over a set of decided applications. */
export function decisionFigures(decisions: readonly Decision[], target?: { workingDays: number; closures: readonly string[] }): DecisionFigures {
  const granted = decisions.filter((d) => d.outcome === "granted").length;
  const scheduled = decisions.filter((d) => d.firstDayOn);
  return {
    decided: decisions.length,
    granted,
    refused: decisions.length - granted,
    medianDays: median(decisions.map((d) => daysBetween(d.submittedOn, d.decidedOn))),
    beforeFirstPerformance: shareOf(scheduled.filter((d) => d.decidedOn < d.firstDayOn!).length, scheduled.length),
    withinTarget: target
      ? shareOf(decisions.filter((d) => withinWorkingDays(d.submittedOn, d.decidedOn, target.workingDays, target.closures)).length, decisions.length)
      : null,
  };
}

/** How many of `dates` fall in each month (YYYY-MM) of `months`. */
export function countByMonth(months: readonly string[], dates: readonly string[]) {
  return months.map((month) => dates.filter((d) => d.startsWith(`${month}-`)).length);
}

/** Counts of each value, in the order of `keys` (values not in `keys` are left out). */
export function countBy<K extends string>(keys: readonly K[], values: readonly string[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) if (v in counts) counts[v as K]++;
  return counts;
}

/** Identical texts counted together (trimmed, with runs of spaces made one), most frequent first, then alphabetically. */
export function tally(texts: readonly string[]): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const raw of texts) {
    const text = raw.trim().replace(/[ \t]+/g, " ");
    if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/** What became of an application a school objected to. */
export type FinalOutcome = "granted" | "refused" | "withdrawn" | "open";

/** Granted (including a licence or permit later revoked or ended), refused, withdrawn, or still open. */
export function finalOutcome(status: string): FinalOutcome {
  if (status === "granted" || status === "revoked" || status === "ended") return "granted";
  if (status === "refused" || status === "withdrawn") return status;
  return "open";
}
