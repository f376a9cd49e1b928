/**
 * Allegations against adults who work with children (DOMAIN.md §5, LADO-*): the threshold, the 1-working-day
 * referral clock, resolution targets, outcomes and how long records are kept. Pure functions over ISO dates
 * (YYYY-MM-DD) in Europe/London; browser-safe.
 */
import { addMonths } from "../calendar/dates";
import { addWorkingDays } from "../calendar/workingDays";

export const THRESHOLD_CATEGORIES = ["harm", "offence", "risk-of-harm", "unsuitable"] as const;
export type ThresholdCategory = (typeof THRESHOLD_CATEGORIES)[number];

export const OUTCOMES = ["substantiated", "false", "malicious", "unsubstantiated", "unfounded"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const LADO_RULES = {
  "LADO-THRESHOLD": {
    categories: {
      harm: "Has harmed, or may have harmed, a child",
      offence: "Has possibly committed a criminal offence against or related to a child",
      "risk-of-harm": "Has behaved towards a child or children in a way that indicates they may pose a risk of harm to children",
      unsuitable: "Has behaved in a way that indicates they may not be suitable to work with children",
    } satisfies Record<ThresholdCategory, string>,
    source: "Working Together to Safeguard Children 2023 and Keeping Children Safe in Education: the LADO threshold",
  },
  "LADO-1WD": { workingDays: 1, source: "Working Together to Safeguard Children 2023: refer to the LADO within one working day" },
  "LADO-RESOLUTION": {
    targets: [
      { months: 1, share: 0.8 },
      { months: 3, share: 0.9 },
    ],
    source: "Keeping Children Safe in Education: 80% of cases resolved within one month and 90% within three months",
  },
  "LADO-OUTCOME": {
    effects: {
      substantiated: { holds: "keep", licensingRecord: "keep", promptRevoke: true },
      false: { holds: "lift", licensingRecord: "remove", promptRevoke: false },
      malicious: { holds: "lift", licensingRecord: "remove", promptRevoke: false },
      unsubstantiated: { holds: "lift", licensingRecord: "keep", promptRevoke: false },
      unfounded: { holds: "lift", licensingRecord: "keep", promptRevoke: false },
    } satisfies Record<Outcome, { holds: "keep" | "lift"; licensingRecord: "keep" | "remove"; promptRevoke: boolean }>,
    source: "Keeping Children Safe in Education Part 4: outcome definitions; false and malicious allegations are removed from personnel records",
  },
  "LADO-RETENTION": {
    /** Normal pension age, the "normal retirement age" of the guidance; years after the allegation otherwise. */
    retirementAge: 67,
    years: 10,
    source: "Keeping Children Safe in Education Part 4: keep until normal pension age or for 10 years from the allegation, whichever is longer",
  },
} as const;

/** True when the LADO records at least one threshold category (LADO-THRESHOLD). */
export const meetsThreshold = (categories: readonly string[]) => categories.some((c) => (THRESHOLD_CATEGORIES as readonly string[]).includes(c));

/**
 * LADO-1WD: a concern received on `receivedOn` must be referred by the end of the next working day (weekends, England
 * & Wales bank holidays and the council's own closure days don't count). Received on a day the council is closed,
 * that is the end of the first working day after it.
 */
export function referralDueOn(receivedOn: string, closures: readonly string[] = []) {
  return addWorkingDays(receivedOn, LADO_RULES["LADO-1WD"].workingDays, closures);
}

export type ReferralClock = { dueOn: string; state: "due-today" | "due" | "overdue" | "met" | "missed"; label: string };

/** Where the 1-working-day clock stands today, or how it ended once the referral was made on `referredOn`. */
export function referralClock(receivedOn: string, today: string, referredOn: string | null, closures: readonly string[] = []): ReferralClock {
  const dueOn = referralDueOn(receivedOn, closures);
  if (referredOn) return referredOn <= dueOn ? { dueOn, state: "met", label: "Referred within 1 working day" } : { dueOn, state: "missed", label: "Referred late" };
  if (today > dueOn) return { dueOn, state: "overdue", label: "Overdue" };
  if (today === dueOn) return { dueOn, state: "due-today", label: "Due today" };
  return { dueOn, state: "due", label: "Due by the end of the next working day" };
}

/** LADO-RESOLUTION: resolved within `months` calendar months of being received (same date, clamped to month end). */
export const resolvedWithin = (receivedOn: string, resolvedOn: string, months: number) => resolvedOn <= addMonths(receivedOn, months);

/**
 * LADO-RETENTION: the date to review the LADO record: the person's normal retirement age, or 10 years from the
 * allegation, whichever is later (10 years when the date of birth is not known).
 */
export function retentionReviewOn(allegationOn: string, dateOfBirth: string | null) {
  const rule = LADO_RULES["LADO-RETENTION"];
  const tenYears = addMonths(allegationOn, rule.years * 12);
  if (!dateOfBirth) return tenYears;
  const retirement = addMonths(dateOfBirth, rule.retirementAge * 12);
  return retirement > tenYears ? retirement : tenYears;
}

export type ReferralFigure = { count: number; met: number; share: number | null };

/**
 * LADO dashboard figures over a set of referrals: the share referred within 1 working day (LADO-1WD), and the
 * shares resolved within 1 and 3 months (LADO-RESOLUTION). A referral counts towards a resolution target once it
 * is resolved or its target date has passed, so open cases inside their month don't pull the share down.
 */
export function ladoFigures(referrals: readonly { receivedOn: string; dueOn: string; referredOn: string; resolvedOn: string | null }[], today: string) {
  const figure = (rows: readonly unknown[], met: number): ReferralFigure => ({ count: rows.length, met, share: rows.length ? met / rows.length : null });
  const referredInTime = referrals.filter((r) => r.referredOn <= r.dueOn).length;
  const resolution = (months: number) => {
    const due = referrals.filter((r) => r.resolvedOn !== null || addMonths(r.receivedOn, months) < today);
    return figure(due, due.filter((r) => r.resolvedOn !== null && resolvedWithin(r.receivedOn, r.resolvedOn, months)).length);
  };
  return { referredWithinOneWorkingDay: figure(referrals, referredInTime), resolvedWithinOneMonth: resolution(1), resolvedWithinThreeMonths: resolution(3) };
}
