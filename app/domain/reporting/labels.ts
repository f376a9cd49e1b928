/** Words for the report and the public page (client-safe: no database code here). */

/** The four kinds of application a council receives and decides. */
export const APPLICATION_KINDS = ["performance-licence", "employment-permit", "bopa", "chaperone"] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** Applications that can be late: licences (PERF-APP-21), permits (EMPLOY-7DAYS) and BOPA (BOPA-21). */
export const LATE_KINDS = ["performance-licence", "employment-permit", "bopa"] as const;
export type LateKind = (typeof LATE_KINDS)[number];

/** What a school can object to (or raise a concern about): a licence application or an employment permit. */
export const OBJECTION_KINDS = ["performance-licence", "employment-permit"] as const;
export type ObjectionKind = (typeof OBJECTION_KINDS)[number];

export const KIND_LABELS: Record<ApplicationKind, string> = {
  "performance-licence": "Performance licences",
  "employment-permit": "Employment permits",
  bopa: "Body of persons approvals (BOPA)",
  chaperone: "Chaperone approvals",
};

/** Shorter, for chart bars and narrow table headings. */
export const KIND_SHORT_LABELS: Record<ApplicationKind, string> = {
  "performance-licence": "Performance licences",
  "employment-permit": "Employment permits",
  bopa: "BOPA",
  chaperone: "Chaperones",
};

export const GROUND_LABELS = { education: "Education", health: "Health", welfare: "Welfare" } as const;

/** The tables of the annual report, in page order: each is also a CSV download at /reports/csv/{id}. */
export const REPORT_TABLE_IDS = [
  "applications-received",
  "licence-decisions",
  "late-applications",
  "school-objections",
  "objection-grounds",
  "refusals",
  "refusal-reasons",
  "exemptions",
  "bopa",
  "chaperones",
  "permits-by-occupation",
  "permits-by-age",
  "lado-referrals",
] as const;
export type ReportTableId = (typeof REPORT_TABLE_IDS)[number];

export const isReportTableId = (id: string): id is ReportTableId => (REPORT_TABLE_IDS as readonly string[]).includes(id);
