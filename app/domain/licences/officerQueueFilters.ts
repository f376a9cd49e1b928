/** The officer's queue filters (browser-safe): names in the address, labels on the checkboxes. */
export const QUEUE_FILTERS = ["soon", "school-overdue", "late", "objection", "information", "mine"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export const QUEUE_FILTER_LABELS: Record<QueueFilter, string> = {
  soon: "First performance within 14 days",
  "school-overdue": "School answer overdue",
  late: "Late",
  objection: "School objection",
  information: "Waiting for more information",
  mine: "Assigned to me",
};

/** Only the known filters, once each, from whatever was in the address. */
export function parseQueueFilters(values: string[]): QueueFilter[] {
  return QUEUE_FILTERS.filter((f) => values.includes(f));
}
