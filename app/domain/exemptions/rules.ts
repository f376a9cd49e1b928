/**
 * Does a child need a performance licence, or does an exemption apply? (DOMAIN.md §0, §1.2; EXEMPT-*)
 * Pure functions over plain values; dates are ISO YYYY-MM-DD.
 */
import { addDays, addMonths, formatDay } from "../calendar/dates";

export const EXEMPTION_RULES = {
  "EXEMPT-CHILD": {
    source: "Education Act 1996 s8 and the School Leaving Date Order 1997: a child until the last Friday in June of the school year in which they turn 16",
  },
  "EXEMPT-4DAY": { maxEarlierDays: 3, windowMonths: 6, source: "Children and Young Persons Act 1963 s37(3)(a)" },
  "EXEMPT-PAYMENT": { source: "Children and Young Persons Act 1963 s37(3)(a) and (b): no payment beyond expenses" },
  "EXEMPT-ABSENCE": { allowedByDefault: false, local: true, source: "Council guidance: no time off school under the four-day rule (local switch)" },
  "EXEMPT-BROADCAST": { allowedByDefault: false, local: true, source: "Council guidance: not filmed for broadcast under the four-day rule (local switch)" },
  "EXEMPT-BOPA": { source: "Children and Young Persons Act 1963 s37(3)(b)" },
  "EXEMPT-SCHOOL": { source: "Children and Young Persons Act 1963 s37(3)(c): arranged by the child's school, unpaid" },
} as const;

export type ExemptionRule = keyof typeof EXEMPTION_RULES;
export type Basis = "four-day-rule" | "bopa" | "school" | "not-a-child";

export type ExemptionInput = {
  child: { dateOfBirth: string; name?: string };
  performance: {
    dates: string[];
    paid: boolean;
    absenceFromSchool: boolean;
    broadcast: boolean;
    organiserHoldsBopa: boolean;
    arrangedBySchool: boolean;
  };
  /** Every performance day on record for the child, in any council's area and on any basis. */
  previousPerformanceDates: string[];
};

/** Local switches (authority settings); both default to not allowed. */
export type LocalSettings = { absenceAllowed: boolean; broadcastAllowed: boolean };
export const DEFAULT_LOCAL_SETTINGS: LocalSettings = { absenceAllowed: false, broadcastAllowed: false };

export type Reason = { rule: ExemptionRule; message: string; date?: string; counted?: string[] };
export type ExemptionResult = { licenceRequired: boolean; basis: Basis | null; reasons: Reason[] };

/** The last Friday in June of the school year (1 Sep–31 Aug) in which the child turns 16. */
export function schoolLeavingDate(dateOfBirth: string) {
  const [y, m] = dateOfBirth.split("-").map(Number);
  // Turning 16 between 1 September and 31 December puts the 16th birthday in the school year ending next summer.
  const summer = y + 16 + (m >= 9 ? 1 : 0);
  const lastOfJune = new Date(Date.UTC(summer, 5, 30));
  const back = (lastOfJune.getUTCDay() - 5 + 7) % 7;
  lastOfJune.setUTCDate(30 - back);
  return lastOfJune.toISOString().slice(0, 10);
}

/** The four-day window for a performance on `date`: the same date 6 months earlier (clamped) to the day before. */
export function fourDayWindow(date: string) {
  return { from: addMonths(date, -EXEMPTION_RULES["EXEMPT-4DAY"].windowMonths), to: addDays(date, -1) };
}

/** Distinct performance days in the window before `date`, from the record and from earlier dates of this request. */
export function daysCountedFor(date: string, previous: string[], requested: string[]) {
  const { from, to } = fourDayWindow(date);
  return [...new Set([...previous, ...requested])].filter((d) => d >= from && d <= to).sort();
}

const list = (dates: string[]) => (dates.length ? dates.map(formatDay).join(", ") : "none");
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

/** Applies the exemption rules; the result names the basis, the days counted and every failed condition with its rule. */
export function checkExemption(input: ExemptionInput, settings: LocalSettings = DEFAULT_LOCAL_SETTINGS): ExemptionResult {
  const { performance: p, child } = input;
  const dates = [...new Set(p.dates)].sort();
  const leaving = schoolLeavingDate(child.dateOfBirth);
  const asChild = dates.filter((d) => d <= leaving);
  if (!asChild.length) {
    return {
      licenceRequired: false,
      basis: "not-a-child",
      reasons: [{ rule: "EXEMPT-CHILD", message: `The child is over compulsory school age from ${formatDay(addDays(leaving, 1))}, so no licence is needed.` }],
    };
  }
  const paymentFails: Reason[] = p.paid ? [{ rule: "EXEMPT-PAYMENT", message: "The child is paid (beyond expenses), so no exemption applies." }] : [];

  if (p.arrangedBySchool && !p.paid) {
    return { licenceRequired: false, basis: "school", reasons: [{ rule: "EXEMPT-SCHOOL", message: "The performance is arranged by the child's school and unpaid." }] };
  }
  if (p.organiserHoldsBopa && !p.paid) {
    return {
      licenceRequired: false,
      basis: "bopa",
      reasons: [{ rule: "EXEMPT-BOPA", message: "The organiser holds a body of persons approval (BOPA) and the child is not paid." }],
    };
  }

  const failures: Reason[] = [...paymentFails];
  if (p.organiserHoldsBopa && p.paid) failures.push({ rule: "EXEMPT-BOPA", message: "A BOPA does not cover a child who is paid." });
  if (p.arrangedBySchool && p.paid) failures.push({ rule: "EXEMPT-SCHOOL", message: "A school performance is only exempt when the child is not paid." });
  if (p.absenceFromSchool && !settings.absenceAllowed) {
    failures.push({ rule: "EXEMPT-ABSENCE", message: "The child would miss school, which the four-day rule does not allow here." });
  }
  if (p.broadcast && !settings.broadcastAllowed) {
    failures.push({ rule: "EXEMPT-BROADCAST", message: "The performance is filmed or recorded for broadcast, which the four-day rule does not allow here." });
  }

  const max = EXEMPTION_RULES["EXEMPT-4DAY"].maxEarlierDays;
  const dayReasons: Reason[] = [];
  for (const date of asChild) {
    const counted = daysCountedFor(
      date,
      input.previousPerformanceDates,
      asChild.filter((d) => d < date),
    );
    const { from } = fourDayWindow(date);
    const said = `${counted.length} performance day${counted.length === 1 ? "" : "s"} from ${formatDay(from)} to the day before (${list(counted)})`;
    if (counted.length > max) {
      failures.push({
        rule: "EXEMPT-4DAY",
        date,
        counted,
        message: `${formatDay(date)} would be the child's ${ordinal(counted.length + 1)} performance day in 6 months: ${said}. The limit is ${max} earlier days.`,
      });
    } else {
      dayReasons.push({ rule: "EXEMPT-4DAY", date, counted, message: `${formatDay(date)}: ${said}, within the limit of ${max}.` });
    }
  }

  if (failures.length) return { licenceRequired: true, basis: null, reasons: failures };
  return { licenceRequired: false, basis: "four-day-rule", reasons: dayReasons };
}
