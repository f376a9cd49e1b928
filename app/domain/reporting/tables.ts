/**
 * The annual report as tables: one definition per table, used by the page and by its CSV download, so both always
 * show the same figures. Pure; browser-safe.
 */
import { formatDate } from "../calendar/dates";
import { EXEMPTION_BASIS_LABELS } from "../exemptions/labels";
import { LADO_RULES } from "../safeguarding/rules";
import type { Cell } from "./csv";
import { percent, type Share, shareOf } from "./figures";
import type { AnnualReport } from "./getAnnualReport";
import type { ServicePerformance } from "./getServicePerformance";
import { APPLICATION_KINDS, GROUND_LABELS, KIND_LABELS, LATE_KINDS, OBJECTION_KINDS, type ReportTableId } from "./labels";
import { monthLabel } from "./period";

export type ReportTable = {
  id: ReportTableId;
  title: string;
  head: string[];
  rows: Cell[][];
  /** Columns from this one on hold numbers (right-aligned on the page). */
  numericFrom: number;
};

const orDash = (n: number | null) => (n === null ? "–" : n);
const shareRow = (label: string, share: Share): Cell[] => [label, share.met, share.count, percent(share)];

const OBJECTION_KIND_LABELS = {
  "performance-licence": "Performance licences",
  "employment-permit": "Employment permits (concerns raised)",
} as const;

/** Every table of the report, in page order. */
export function reportTables(report: AnnualReport): ReportTable[] {
  const { received, licenceDecisions: ld } = report;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const exemptionRows = Object.entries(report.exemptions) as [keyof typeof EXEMPTION_BASIS_LABELS, { home: number; host: number }][];
  return [
    {
      id: "applications-received",
      title: "Applications received each month",
      head: ["Month", ...APPLICATION_KINDS.map((k) => KIND_LABELS[k]), "Total"],
      rows: [
        ...received.months.map((month, i) => {
          const counts = APPLICATION_KINDS.map((k) => received.byKind[k][i]);
          return [monthLabel(month), ...counts, sum(counts)];
        }),
        ["Total", ...APPLICATION_KINDS.map((k) => received.totals[k]), sum(APPLICATION_KINDS.map((k) => received.totals[k]))],
      ],
      numericFrom: 1,
    },
    {
      id: "licence-decisions",
      title: "Performance licences decided",
      head: ["Figure", "Number", "Out of", "Share"],
      rows: [
        ["Licences decided", ld.decided, "", ""],
        shareRow("Granted", shareOf(ld.granted, ld.decided)),
        shareRow("Refused", shareOf(ld.refused, ld.decided)),
        shareRow("Decided before the first performance", ld.beforeFirstPerformance),
        shareRow(`Decided within ${ld.targetWorkingDays} working days (the council's target)`, ld.withinTarget!),
        ["Median days to a decision", orDash(ld.medianDays), "", ""],
      ],
      numericFrom: 1,
    },
    {
      id: "late-applications",
      title: "Late applications received",
      head: ["Kind", "Received", "Late", "Share late"],
      rows: LATE_KINDS.map((k) => [KIND_LABELS[k], report.late[k].count, report.late[k].met, percent(report.late[k])]),
      numericFrom: 1,
    },
    {
      id: "school-objections",
      title: "School objections and what was decided",
      head: ["Kind", "Objections", "Granted", "Refused", "Withdrawn", "Still open"],
      rows: OBJECTION_KINDS.map((k) => {
        const o = report.objections[k];
        return [OBJECTION_KIND_LABELS[k], o.objections, o.granted, o.refused, o.withdrawn, o.open];
      }),
      numericFrom: 1,
    },
    {
      id: "objection-grounds",
      title: "Grounds given in school objections",
      head: ["Ground", ...OBJECTION_KINDS.map((k) => OBJECTION_KIND_LABELS[k])],
      rows: (Object.keys(GROUND_LABELS) as (keyof typeof GROUND_LABELS)[]).map((g) => [GROUND_LABELS[g], ...OBJECTION_KINDS.map((k) => report.objections[k].grounds[g])]),
      numericFrom: 1,
    },
    {
      id: "refusals",
      title: "Decisions and refusals by kind",
      head: ["Kind", "Decided", "Refused", "Median days to a decision"],
      rows: APPLICATION_KINDS.map((k) => [KIND_LABELS[k], report.decisions[k].decided, report.decisions[k].refused, orDash(report.decisions[k].medianDays)]),
      numericFrom: 1,
    },
    {
      id: "refusal-reasons",
      title: "Reasons for refusal",
      head: ["Kind", "Reason", "Refusals"],
      rows: report.refusals.map((r) => [KIND_LABELS[r.kind], r.reason || "No reason recorded", r.count]),
      numericFrom: 2,
    },
    {
      id: "exemptions",
      title: "Exempt performances recorded",
      head: ["Basis", "Children who live in the area", "Performances in the area"],
      rows: [
        ...exemptionRows.map(([basis, n]) => [EXEMPTION_BASIS_LABELS[basis], n.home, n.host]),
        ["Total", sum(exemptionRows.map(([, n]) => n.home)), sum(exemptionRows.map(([, n]) => n.host))],
      ],
      numericFrom: 1,
    },
    {
      id: "bopa",
      title: "Body of persons approvals (BOPA)",
      head: ["Figure", "Number"],
      rows: [
        ["Applications received", report.bopa.received],
        ["Granted", report.bopa.granted],
        ["Refused", report.bopa.refused],
        [`Approvals in force on ${formatDate(report.period.to)}`, report.bopa.inForceAtEnd],
      ],
      numericFrom: 1,
    },
    {
      id: "chaperones",
      title: "Chaperone approvals in the period",
      head: ["Figure", "Number"],
      rows: [
        ["New approvals", report.chaperones.approved],
        ["Renewals", report.chaperones.renewed],
        ["Approvals varied (re-issued with changes)", report.chaperones.varied],
        ["Approvals ending in the period", report.chaperones.ending],
        ["Approvals suspended", report.chaperones.suspended],
      ],
      numericFrom: 1,
    },
    {
      id: "permits-by-occupation",
      title: "Employment permits granted, by job",
      head: ["Job", "Permits granted"],
      rows: [...report.permits.byOccupation.map((o) => [o.occupation, o.count]), ["Total", report.permits.granted]],
      numericFrom: 1,
    },
    {
      id: "permits-by-age",
      title: "Employment permits granted, by the child's age when the job started",
      head: ["Age", "Permits granted"],
      rows: [...report.permits.byAge.map((a) => [a.age === null ? "Not known" : String(a.age), a.count]), ["Total", report.permits.granted]],
      numericFrom: 1,
    },
    {
      id: "lado-referrals",
      title: "LADO referrals",
      head: ["Figure", "Met", "Out of", "Share", "Target"],
      rows: [
        ["Referrals received", report.lado.received, "", "", ""],
        [...shareRow("Referred within 1 working day", report.lado.referredWithinOneWorkingDay), ""],
        ...LADO_RULES["LADO-RESOLUTION"].targets.map((t) => [
          ...shareRow(`Resolved within ${t.months} month${t.months === 1 ? "" : "s"}`, t.months === 1 ? report.lado.resolvedWithinOneMonth : report.lado.resolvedWithinThreeMonths),
          `${Math.round(t.share * 100)}%`,
        ]),
      ],
      numericFrom: 1,
    },
  ];
}

/** One council's row of figures on the public page, by kind. */
export function servicePerformanceTable(council: ServicePerformance["councils"][number]): Omit<ReportTable, "id"> {
  return {
    title: `Applications decided by ${council.name}`,
    head: ["Kind", "Decided", "Median days to a decision", "Decided before the first performance"],
    rows: council.kinds.map((k) => [
      KIND_LABELS[k.kind],
      k.decided,
      orDash(k.medianDays),
      k.beforeFirstPerformance ? (k.beforeFirstPerformance.count ? `${percent(k.beforeFirstPerformance)} (${k.beforeFirstPerformance.met} of ${k.beforeFirstPerformance.count})` : "–") : "Not applicable",
    ]),
    numericFrom: 1,
  };
}
