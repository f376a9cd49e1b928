import type { PerformanceApplicationStatus } from "#db/schema/licences";
import { RuleError } from "../errors";

export type LicenceEvent =
  | "submit"
  | "consult-school"
  | "school-answered"
  | "request-information"
  | "information-returned"
  | "grant"
  | "refuse"
  | "withdraw"
  | "revoke";

/** Allowed changes of a performance licence application's status (drawn in docs/states.md). */
export const LICENCE_TRANSITIONS: Record<LicenceEvent, { from: PerformanceApplicationStatus[]; to: PerformanceApplicationStatus }> = {
  submit: { from: ["draft"], to: "submitted" },
  "consult-school": { from: ["submitted"], to: "awaiting-school" },
  "school-answered": { from: ["awaiting-school"], to: "under-review" },
  "request-information": { from: ["submitted", "awaiting-school", "under-review"], to: "information-requested" },
  "information-returned": { from: ["information-requested"], to: "under-review" },
  grant: { from: ["submitted", "awaiting-school", "under-review"], to: "granted" },
  refuse: { from: ["submitted", "awaiting-school", "under-review", "information-requested"], to: "refused" },
  withdraw: { from: ["draft", "submitted", "awaiting-school", "under-review", "information-requested"], to: "withdrawn" },
  revoke: { from: ["granted"], to: "revoked" },
};

const EVENT_PHRASES: Record<LicenceEvent, string> = {
  submit: "submitted",
  "consult-school": "sent to the school",
  "school-answered": "answered by the school",
  "request-information": "sent back for more information",
  "information-returned": "returned with more information",
  grant: "granted",
  refuse: "refused",
  withdraw: "withdrawn",
  revoke: "revoked",
};

export const LICENCE_STATUS_LABELS: Record<PerformanceApplicationStatus, string> = {
  draft: "Not submitted",
  submitted: "Submitted",
  "awaiting-school": "Waiting for the school",
  "under-review": "Being reviewed",
  "information-requested": "More information needed",
  granted: "Granted",
  refused: "Refused",
  withdrawn: "Withdrawn",
  revoked: "Revoked",
};

export const LICENCE_STATUS_COLOURS = {
  draft: "grey",
  submitted: "blue",
  "awaiting-school": "yellow",
  "under-review": "blue",
  "information-requested": "orange",
  granted: "green",
  refused: "red",
  withdrawn: "grey",
  revoked: "red",
} as const satisfies Record<PerformanceApplicationStatus, string>;

export function assertLicenceTransition(from: PerformanceApplicationStatus, event: LicenceEvent): PerformanceApplicationStatus {
  const rule = LICENCE_TRANSITIONS[event];
  if (!rule.from.includes(from)) {
    throw RuleError.field("", `This application's status is ${LICENCE_STATUS_LABELS[from].toLowerCase()}: it cannot be ${EVENT_PHRASES[event]} now`);
  }
  return rule.to;
}

/** The producer's and parent's parts can be changed only before submission. */
export const isEditable = (status: PerformanceApplicationStatus) => status === "draft";
