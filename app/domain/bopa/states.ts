import type { BopaStatus } from "#db/schema/bopa";
import { RuleError } from "../errors";

export type BopaEvent = "grant" | "refuse" | "revoke";

/** Allowed changes of a BOPA application's status (drawn in docs/states.md). Submitting creates it as "submitted". */
export const BOPA_TRANSITIONS: Record<BopaEvent, { from: BopaStatus[]; to: BopaStatus }> = {
  grant: { from: ["submitted"], to: "granted" },
  refuse: { from: ["submitted"], to: "refused" },
  revoke: { from: ["granted"], to: "revoked" },
};

export const BOPA_STATUS_LABELS: Record<BopaStatus, string> = {
  submitted: "Submitted",
  granted: "Granted",
  refused: "Refused",
  revoked: "Revoked",
};

export const BOPA_STATUS_COLOURS = { submitted: "blue", granted: "green", refused: "red", revoked: "grey" } as const satisfies Record<BopaStatus, string>;

const EVENT_PHRASES: Record<BopaEvent, string> = { grant: "granted", refuse: "refused", revoke: "revoked" };

export function assertTransition(from: BopaStatus, event: BopaEvent): BopaStatus {
  const rule = BOPA_TRANSITIONS[event];
  if (!rule.from.includes(from)) {
    throw RuleError.field("", `This application’s status is ${BOPA_STATUS_LABELS[from].toLowerCase()}: it cannot be ${EVENT_PHRASES[event]} now`);
  }
  return rule.to;
}
