import type { ExemptionBasis, PerformanceDayBasis } from "#db/schema/children";

/** Client-safe words and limits for exemption pages (no database code here). */
export const EXEMPTION_BASIS_LABELS: Record<ExemptionBasis, string> = {
  "four-day-rule": "Four-day rule",
  bopa: "Body of persons approval (BOPA)",
  school: "Performance arranged by the child's school",
};

export const BASIS_LABELS: Record<PerformanceDayBasis, string> = {
  licence: "Licensed",
  bopa: "Body of persons approval",
  "four-day-rule": "Four-day rule",
  school: "School performance",
  "reported-by-parent": "Added by you",
};

/** The most children one recording may name: a large cast, well inside one transaction. */
export const MAX_CHILDREN_PER_RECORDING = 60;
export const MAX_DATES_PER_RECORDING = 30;
