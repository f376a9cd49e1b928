import type { DocumentStatus } from "#db/schema/documents";
import { RuleError } from "../errors";

export type DocumentEvent = "suspend" | "reinstate" | "revoke" | "supersede";

/** Allowed status changes of an issued document (drawn in docs/states.md). */
const DOCUMENT_TRANSITIONS: Record<DocumentEvent, { from: DocumentStatus[]; to: DocumentStatus }> = {
  suspend: { from: ["valid"], to: "suspended" },
  reinstate: { from: ["suspended"], to: "valid" },
  revoke: { from: ["valid", "suspended"], to: "revoked" },
  supersede: { from: ["valid", "suspended"], to: "superseded" },
};

export function assertTransition(from: DocumentStatus, event: DocumentEvent): DocumentStatus {
  const rule = DOCUMENT_TRANSITIONS[event];
  if (!rule.from.includes(from)) throw RuleError.field("", `A ${from} document cannot be ${rule.to === "valid" ? "reinstated" : rule.to}`);
  return rule.to;
}

export type PublicStatus = DocumentStatus | "expired" | "not-yet-valid";

/** The status anyone sees: a valid document past its end date is expired. `today` is YYYY-MM-DD (Europe/London). */
export function publicStatus(doc: { status: DocumentStatus; validFrom: string; validTo: string }, today: string): PublicStatus {
  if (doc.status !== "valid") return doc.status;
  if (doc.validTo < today) return "expired";
  if (doc.validFrom > today) return "not-yet-valid";
  return "valid";
}

export const STATUS_LABELS: Record<PublicStatus, string> = {
  valid: "Valid",
  "not-yet-valid": "Valid (not started yet)",
  expired: "Expired",
  suspended: "Suspended",
  revoked: "Revoked",
  superseded: "Replaced",
};

/** Initials only, for the public register: "Charlie Chaperone" → "C. C." */
export function initials(name: string) {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^[A-Za-z\u00C0-\u024F]/.test(w))
    .map((w) => `${w[0].toUpperCase()}.`)
    .join(" ");
}

