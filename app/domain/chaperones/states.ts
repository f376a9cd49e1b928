import type { ChaperoneApplicationStatus } from "#db/schema/chaperones";
import { RuleError } from "../errors";

export type ChaperoneEvent = "submit" | "start-checks" | "request-information" | "grant" | "refuse" | "withdraw";

/** Allowed changes of a chaperone application's status (drawn in docs/states.md). */
const CHAPERONE_TRANSITIONS: Record<ChaperoneEvent, { from: ChaperoneApplicationStatus[]; to: ChaperoneApplicationStatus }> = {
  submit: { from: ["draft", "information-requested"], to: "submitted" },
  "start-checks": { from: ["submitted"], to: "checks-in-progress" },
  "request-information": { from: ["submitted", "checks-in-progress"], to: "information-requested" },
  grant: { from: ["submitted", "checks-in-progress"], to: "granted" },
  refuse: { from: ["submitted", "checks-in-progress", "information-requested"], to: "refused" },
  withdraw: { from: ["draft", "submitted", "checks-in-progress", "information-requested"], to: "withdrawn" },
};

const EVENT_PHRASES: Record<ChaperoneEvent, string> = {
  submit: "submitted",
  "start-checks": "checked",
  "request-information": "sent back for more information",
  grant: "approved",
  refuse: "refused",
  withdraw: "withdrawn",
};

export function assertTransition(from: ChaperoneApplicationStatus, event: ChaperoneEvent): ChaperoneApplicationStatus {
  const rule = CHAPERONE_TRANSITIONS[event];
  if (!rule.from.includes(from)) {
    throw RuleError.field("", `This application’s status is ${APPLICATION_STATUS_LABELS[from].toLowerCase()}: it cannot be ${EVENT_PHRASES[event]} now`);
  }
  return rule.to;
}

export const APPLICATION_STATUS_LABELS: Record<ChaperoneApplicationStatus, string> = {
  draft: "Not submitted",
  submitted: "Submitted",
  "checks-in-progress": "Checks in progress",
  "information-requested": "More information needed",
  granted: "Approved",
  refused: "Refused",
  withdrawn: "Withdrawn",
};

/** Editable by the applicant only while a draft or when the council has asked for more information. */
export const isEditable = (status: ChaperoneApplicationStatus) => status === "draft" || status === "information-requested";
