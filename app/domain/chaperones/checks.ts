/**
 * The checks an officer records before approving a chaperone (DOMAIN.md §3, CHAPLIC-*), and what must be in
 * place to grant. Data plus pure functions: no database, no clock.
 */
import type { ChaperoneChecks, CheckRecord } from "#db/schema/chaperones";

export type CheckName = keyof ChaperoneChecks & string;

type Outcome = { label: string; satisfactory: boolean };

/** Each check, its possible outcomes (the first satisfactory ones first) and whether it needs a date. */
export const CHAPERONE_CHECKS = {
  identity: {
    label: "Identity",
    legend: "Identity documents",
    hint: "Three documents, at least one with a photograph, seen in the original",
    needsDate: false,
    outcomes: {
      seen: { label: "Seen and match the applicant", satisfactory: true },
      "not-satisfied": { label: "Not satisfied", satisfactory: false },
    },
  },
  dbs: {
    label: "Enhanced DBS",
    legend: "Enhanced DBS check with children's barred list",
    hint: "The certificate, or its status on the DBS Update Service",
    needsDate: false,
    outcomes: {
      clear: { label: "Clear – nothing disclosed", satisfactory: true },
      "disclosed-acceptable": { label: "Information disclosed, judged acceptable", satisfactory: true },
      unsatisfactory: { label: "Unsatisfactory", satisfactory: false },
    },
  },
  interview: {
    label: "Interview",
    legend: "Interview",
    hint: undefined,
    needsDate: true,
    outcomes: {
      passed: { label: "Suitable", satisfactory: true },
      failed: { label: "Not suitable", satisfactory: false },
    },
  },
  training: {
    label: "Training",
    legend: "Chaperone training and knowledge check",
    hint: "The guidance session and the knowledge check",
    needsDate: false,
    outcomes: {
      confirmed: { label: "Completed and passed", satisfactory: true },
      "not-confirmed": { label: "Not completed or not passed", satisfactory: false },
    },
  },
} as const satisfies Record<CheckName, { label: string; legend: string; hint?: string; needsDate: boolean; outcomes: Record<string, Outcome> }>;

export const CHECK_NAMES = Object.keys(CHAPERONE_CHECKS) as CheckName[];

/** Calendar days since submission after which an application looks overdue in the queue. */
export const QUEUE_OVERDUE_AFTER_DAYS = 20;

export function outcomeOf(check: CheckName, outcome: string): Outcome | undefined {
  return (CHAPERONE_CHECKS[check].outcomes as Record<string, Outcome>)[outcome];
}

export function isSatisfactory(check: CheckName, record: CheckRecord | undefined) {
  return !!record && !!outcomeOf(check, record.outcome)?.satisfactory;
}

export type RefereeState = { name: string; responded: boolean; judgement: "satisfactory" | "unsatisfactory" | null };

/**
 * What stands in the way of approval, in page order: each check recorded and satisfactory, and each of the
 * referees responded and judged satisfactory. Empty when the licence may be granted.
 */
export function missingForGrant(checks: ChaperoneChecks, referees: RefereeState[], refereesNeeded = 2): string[] {
  const missing: string[] = [];
  for (const name of CHECK_NAMES) {
    const record = checks[name];
    const label = CHAPERONE_CHECKS[name].label;
    if (!record) missing.push(`Record the ${lowerFirst(label)} check`);
    else if (!isSatisfactory(name, record)) missing.push(`The ${lowerFirst(label)} check is not satisfactory`);
  }
  for (const referee of referees) {
    if (!referee.responded) missing.push(`Wait for the reference from ${referee.name}`);
    else if (!referee.judgement) missing.push(`Judge the reference from ${referee.name}`);
    else if (referee.judgement !== "satisfactory") missing.push(`The reference from ${referee.name} is not satisfactory`);
  }
  if (referees.length < refereesNeeded) missing.push(`The application needs ${refereesNeeded} referees`);
  return missing;
}

/** How a check is named in a sentence: "identity", "DBS", "interview", "training". */
export function checkName(check: CheckName) {
  return check === "dbs" ? "DBS" : CHAPERONE_CHECKS[check].label.toLowerCase();
}

const lowerFirst = (s: string) => (s === "Enhanced DBS" ? "enhanced DBS" : s.toLowerCase());

/**
 * Whether a licence covers the whole of `from`–`to`: its register status is valid (not suspended, revoked or
 * replaced) and its dates include both ends.
 */
export function coversPeriod(licence: { status: string; validFrom: string; validTo: string }, from: string, to: string) {
  return licence.status === "valid" && licence.validFrom <= from && to <= licence.validTo;
}
