import { formatDate, londonDate } from "~/domain/calendar/dates";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { getAnnualReport, reportAuthority } from "~/domain/reporting.server";
import { percent, type Share } from "~/domain/reporting/figures";
import { APPLICATION_KINDS, KIND_LABELS, KIND_SHORT_LABELS, LATE_KINDS, type ReportTableId } from "~/domain/reporting/labels";
import {
  lastCompleteFinancialYear,
  monthLabel,
  PERIOD_FIELDS,
  type PeriodErrors,
  type PeriodField,
  type PeriodInput,
  parsePeriod,
  periodInputOf,
  periodLabel,
} from "~/domain/reporting/period";
import { reportTables } from "~/domain/reporting/tables";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { Button } from "~/ui/govuk/components";
import { DateInput, type Field } from "~/ui/govuk/fields";
import { ErrorSummaryBox } from "~/ui/govuk/form";
import { type Bar, BarChart } from "~/ui/reporting/BarChart";
import { ReportTableView } from "~/ui/reporting/ReportTable";
import printCss from "~/ui/reporting/print.css";

export const handle = { title: "Annual report" };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printCss, media: "print" }];

/**
 * The annual report of one of the officer's (or admin's) councils. A GET form picks the period (the last complete
 * financial year unless one is typed) and, for people in several councils, the council; bad dates come back as
 * GOV.UK errors with what was typed.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "report:read");
  const params = new URL(request.url).searchParams;
  const requested = params.get("authority");
  const typed = PERIOD_FIELDS.some((f) => params.has(f));
  const input: PeriodInput = typed
    ? (Object.fromEntries(PERIOD_FIELDS.map((f) => [f, (params.get(f) ?? "").slice(0, 20)])) as PeriodInput)
    : periodInputOf(lastCompleteFinancialYear(londonDate()));
  const parsed = parsePeriod(input);
  if (!parsed.ok) {
    const { authority, choices } = await guard(reportAuthority(db(), actor, requested));
    return json({ input, errors: parsed.errors, error: true, authority, choices, report: null, tables: null }, { status: 400 });
  }
  const report = await guard(getAnnualReport(db(), actor, { authorityId: requested, ...parsed.period }));
  return json({ input, errors: {} as PeriodErrors, error: false, authority: report.authority, choices: report.choices, report, tables: reportTables(report) });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Report = NonNullable<Data["report"]>;

const field = (name: PeriodField, input: PeriodInput, errors: PeriodErrors): Field => ({
  id: name.replace(/(Day|Month|Year)$/, (part) => `-${part.toLowerCase()}`),
  name,
  errorId: `${name}-error`,
  descriptionId: `${name}-hint`,
  errors: name === "fromDay" || name === "toDay" ? (errors[name] ? [errors[name]!] : undefined) : undefined,
  initialValue: input[name],
});

const shareBar = (label: string, share: Share, marker?: number): Bar => ({
  label,
  value: share.share === null ? null : share.share * 100,
  text: share.share === null ? "None to count" : `${percent(share)} (${share.met} of ${share.count})`,
  marker,
});

/** Mounted afresh for each period, so the date inputs always show what the address says. */
export default function AnnualReportPage() {
  return <ReportPage key={useLocation().key} />;
}

function ReportPage() {
  const data = useLoaderData<typeof loader>();
  const { input, errors, authority, choices, report } = data;
  const summary = (["fromDay", "toDay"] as const).filter((f) => errors[f]).map((f) => ({ href: `#${field(f, input, errors).id}`, text: errors[f]! }));
  return (
    <>
      {summary.length ? <ErrorSummaryBox items={summary} /> : null}
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{authority.name}</span>{" "}
        {report ? `Annual report, ${periodLabel(report.period)}` : "Annual report"}
      </h1>
      <Form method="get" className="app-report-form govuk-!-margin-bottom-6">
        {choices.length > 1 ? (
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="authority">
              Council
            </label>
            <select className="govuk-select" id="authority" name="authority" defaultValue={authority.id}>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <DateInput
          id="from"
          legend="From"
          hint="The first day of the report. For example, 1 4 2025"
          day={field("fromDay", input, errors)}
          month={field("fromMonth", input, errors)}
          year={field("fromYear", input, errors)}
        />
        <DateInput
          id="to"
          legend="To"
          hint="The last day of the report. For example, 31 3 2026"
          day={field("toDay", input, errors)}
          month={field("toMonth", input, errors)}
          year={field("toYear", input, errors)}
        />
        <Button secondary>Show report</Button>
      </Form>
      {report && data.tables ? <Figures report={report} tables={data.tables} /> : null}
    </>
  );
}

function Figures({ report, tables }: { report: Report; tables: NonNullable<Data["tables"]> }) {
  const byId = Object.fromEntries(tables.map((t) => [t.id, t])) as Record<ReportTableId, (typeof tables)[number]>;
  const csvHref = (id: ReportTableId) => `/reports/csv/${id}?${new URLSearchParams({ from: report.period.from, to: report.period.to, authority: report.authority.id })}`;
  const table = (id: ReportTableId, empty?: string) => {
    const t = byId[id];
    if (!t.rows.length && empty) {
      return (
        <div className="app-report-table">
          <h3 className="govuk-heading-m">{t.title}</h3>
          <p className="govuk-body">{empty}</p>
          <p className="govuk-body govuk-!-margin-bottom-8 app-report-download">
            <a className="govuk-link" href={csvHref(id)} download>
              Download this table<span className="govuk-visually-hidden"> ({t.title})</span> as CSV
            </a>
          </p>
        </div>
      );
    }
    // Tables of a figure or two read better at two-thirds of the page.
    return t.head.length <= 3 ? (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ReportTableView table={t} csvHref={csvHref(id)} />
        </div>
      </div>
    ) : (
      <ReportTableView table={t} csvHref={csvHref(id)} />
    );
  };
  const chart = (props: Parameters<typeof BarChart>[0]) => (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds govuk-!-margin-bottom-6 app-report-chart">
        <h3 className="govuk-heading-s">{props.title}</h3>
        <BarChart {...props} />
      </div>
    </div>
  );
  const { received, licenceDecisions: ld, lado } = report;
  return (
    <>
      <p className="govuk-body">
        Applications received or decided from {periodLabel(report.period)}, as recorded in this service on {formatDate(report.today)}.
        Each chart has a table with the same figures below it, which you can download as a spreadsheet (CSV).
      </p>

      <h2 className="govuk-heading-l">Applications received</h2>
      {chart({
        id: "chart-received-by-month",
        title: "Applications received each month",
        bars: received.months.map((m, i) => {
          const total = APPLICATION_KINDS.reduce((n, k) => n + received.byKind[k][i], 0);
          return { label: monthLabel(m), value: total, text: String(total) };
        }),
      })}
      {chart({
        id: "chart-received-by-kind",
        title: "Applications received by kind",
        bars: APPLICATION_KINDS.map((k) => ({ label: KIND_LABELS[k], value: received.totals[k], text: String(received.totals[k]) })),
      })}
      {table("applications-received")}

      <h2 className="govuk-heading-l">Performance licence decisions</h2>
      <p className="govuk-body">
        Licences decided in the period, including any revoked since. Days are counted from the day the application was received to the day it was decided;
        working days leave out weekends, bank holidays and the council's closure days.
      </p>
      {chart({
        id: "chart-licence-decisions",
        title: "How quickly performance licences were decided",
        max: 100,
        bars: [
          shareBar("Decided before the first performance", ld.beforeFirstPerformance),
          shareBar(`Decided within ${ld.targetWorkingDays} working days`, ld.withinTarget!),
        ],
      })}
      {table("licence-decisions")}

      <h2 className="govuk-heading-l">Late applications</h2>
      <p className="govuk-body">
        Licence and BOPA applications received less than 21 days before the first performance, and permit applications made more than 7 days after the child
        started work.
      </p>
      {chart({
        id: "chart-late",
        title: "Share of applications received late",
        max: 100,
        bars: LATE_KINDS.map((k) => shareBar(KIND_SHORT_LABELS[k], report.late[k])),
      })}
      {table("late-applications")}

      <h2 className="govuk-heading-l">School objections</h2>
      <p className="govuk-body">Objections (and, for permits, concerns) that schools sent in the period, and what has been decided since.</p>
      {table("school-objections")}
      {table("objection-grounds")}

      <h2 className="govuk-heading-l">Decisions and refusals</h2>
      {table("refusals")}
      {table("refusal-reasons", "No applications were refused in this period.")}

      <h2 className="govuk-heading-l">Exemptions and body of persons approvals</h2>
      {table("exemptions")}
      {table("bopa")}

      <h2 className="govuk-heading-l">Chaperone approvals</h2>
      {table("chaperones")}

      <h2 className="govuk-heading-l">Employment permits</h2>
      {report.permits.byAge.length
        ? chart({
            id: "chart-permits-by-age",
            title: "Employment permits granted, by the child's age",
            bars: report.permits.byAge.map((a) => ({ label: a.age === null ? "Age not known" : `Aged ${a.age}`, value: a.count, text: String(a.count) })),
          })
        : null}
      {table("permits-by-occupation")}
      {table("permits-by-age")}

      <h2 className="govuk-heading-l">LADO referrals</h2>
      <p className="govuk-body">
        Concerns received in the period that were referred to the LADO. A referral counts towards a resolution target once it is resolved or its target date
        has passed.
      </p>
      {chart({
        id: "chart-lado",
        title: "How quickly LADO referrals were made and resolved",
        max: 100,
        bars: [
          shareBar("Referred within 1 working day", lado.referredWithinOneWorkingDay),
          shareBar("Resolved within 1 month (target 80%, marked)", lado.resolvedWithinOneMonth, 80),
          shareBar("Resolved within 3 months (target 90%, marked)", lado.resolvedWithinThreeMonths, 90),
        ],
      })}
      {table("lado-referrals")}
    </>
  );
}
