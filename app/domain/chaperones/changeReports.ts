import type { ChangeReportKind } from "#db/schema/chaperones";

/** What a chaperone can report (CHAPLIC-REPORT), as the radios and the officer's pages name them. Safe for the browser. */
export const CHANGE_REPORT_KIND_LABELS: Record<ChangeReportKind, string> = {
  name: "Change of name",
  address: "Change of address",
  "arrest-conviction-caution": "Arrest, conviction or caution",
  "serious-illness": "Serious illness",
  other: "Something else",
};
