import type { EmploymentPermitStatus } from "#db/schema/employment";
import { RuleError } from "../errors";

export type PermitEvent = "submit" | "grant" | "refuse" | "revoke" | "end" | "withdraw";

/** Allowed changes of an employment permit's status (drawn in docs/states.md). */
export const PERMIT_TRANSITIONS: Record<PermitEvent, { from: EmploymentPermitStatus[]; to: EmploymentPermitStatus }> = {
  submit: { from: ["draft"], to: "submitted" },
  grant: { from: ["submitted"], to: "granted" },
  refuse: { from: ["submitted"], to: "refused" },
  revoke: { from: ["granted"], to: "revoked" },
  /** The employer reports the job has ended, or the child reaches the school leaving date. */
  end: { from: ["granted"], to: "ended" },
  withdraw: { from: ["draft", "submitted"], to: "withdrawn" },
};

const EVENT_PHRASES: Record<PermitEvent, string> = {
  submit: "submitted",
  grant: "granted",
  refuse: "refused",
  revoke: "revoked",
  end: "ended",
  withdraw: "withdrawn",
};

export const PERMIT_STATUS_LABELS: Record<EmploymentPermitStatus, string> = {
  draft: "Not submitted",
  submitted: "Submitted",
  granted: "Granted",
  refused: "Refused",
  revoked: "Revoked",
  ended: "Ended",
  withdrawn: "Withdrawn",
};

export const PERMIT_STATUS_COLOURS = {
  draft: "grey",
  submitted: "blue",
  granted: "green",
  refused: "red",
  revoked: "red",
  ended: "grey",
  withdrawn: "grey",
} as const satisfies Record<EmploymentPermitStatus, string>;

export function assertPermitTransition(from: EmploymentPermitStatus, event: PermitEvent): EmploymentPermitStatus {
  const rule = PERMIT_TRANSITIONS[event];
  if (!rule.from.includes(from)) {
    throw RuleError.field("", `This permit's status is ${PERMIT_STATUS_LABELS[from].toLowerCase()}: it cannot be ${EVENT_PHRASES[event]} now`);
  }
  return rule.to;
}

/** Both parts can be changed only before submission. */
export const isPermitEditable = (status: EmploymentPermitStatus) => status === "draft";
