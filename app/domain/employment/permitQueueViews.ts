/** The officer's permit queue views (browser-safe): names in the address, labels on the links. */
import type { EmploymentPermitStatus } from "#db/schema/employment";

export const PERMIT_QUEUE_VIEWS = ["waiting", "granted", "decided"] as const;
export type PermitQueueView = (typeof PERMIT_QUEUE_VIEWS)[number];

export const PERMIT_QUEUE_STATUSES: Record<PermitQueueView, readonly EmploymentPermitStatus[]> = {
  waiting: ["submitted"],
  granted: ["granted"],
  decided: ["refused", "revoked", "ended", "withdrawn"],
};

export const PERMIT_QUEUE_VIEW_LABELS: Record<PermitQueueView, string> = {
  waiting: "Waiting for a decision",
  granted: "Granted",
  decided: "Refused, revoked or ended",
};

export const parsePermitQueueView = (value: string | null): PermitQueueView =>
  (PERMIT_QUEUE_VIEWS as readonly string[]).includes(value ?? "") ? (value as PermitQueueView) : "waiting";
