/**
 * The statutory clocks on an officer's desk (issue 9): what each clock is, when it is due, and where it stands.
 * Pure functions over ISO dates (YYYY-MM-DD, Europe/London); browser-safe.
 */
import { addWorkingDays } from "../calendar/workingDays";

export const CLOCK_KINDS = ["first-performance", "school-answer", "information", "late-permit", "chaperone-expiry", "bopa-ending"] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const CLOCK_RULES = {
  "first-performance": {
    title: "First performance soon, not decided",
    /** Listed from this many days before the first performance. */
    listFromDays: 14,
    source: "SI 2014/3309 reg 4 and PERF-APP-21: the licence must be decided before the child first performs",
  },
  "school-answer": { title: "School answers overdue", source: "SCHOOL-DEADLINE: the school answers within the council's working days (5 by default)" },
  information: {
    title: "Information requested, not returned",
    /** The producer is asked to reply within this many working days. */
    replyWorkingDays: 10,
    source: "Local practice: a request for information is chased after 10 working days",
  },
  "late-permit": { title: "Late employment permits", source: "EMPLOY-7DAYS: the employer applies within 7 days of the child starting" },
  "chaperone-expiry": { title: "Chaperone approvals expiring within 30 days", listFromDays: 30, source: "CHAPLIC-VALIDITY: renew before the approval ends" },
  "bopa-ending": { title: "BOPAs ending within 30 days", listFromDays: 30, source: "BOPA-PERIOD: an approval covers a set period" },
} as const satisfies Record<ClockKind, { title: string; source: string; listFromDays?: number; replyWorkingDays?: number }>;

/** Escalated when it will breach within this many working days. */
export const ESCALATE_WITHIN_WORKING_DAYS = 2;

export type ClockStage = "breached" | "due-soon" | "running";

/**
 * Where a clock stands on `today`: breached once `dueOn` has passed (a first performance is breached on the day
 * itself: the decision had to come before it), due soon when it falls within the next 2 working days.
 */
export function clockStage(dueOn: string, today: string, closures: readonly string[] = [], { breachedOnDueDay = false } = {}): ClockStage {
  if (breachedOnDueDay ? dueOn <= today : dueOn < today) return "breached";
  if (dueOn <= addWorkingDays(today, ESCALATE_WITHIN_WORKING_DAYS, closures)) return "due-soon";
  return "running";
}

export const STAGE_ORDER: Record<ClockStage, number> = { breached: 0, "due-soon": 1, running: 2 };
