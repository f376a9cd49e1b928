import type { ReportTable } from "~/domain/reporting/tables";
import { Table } from "~/ui/govuk/components";

/**
 * One of the report's tables as a GOV.UK table (numbers right-aligned), with a link to download the same
 * figures as CSV when `csvHref` is given. The link is a plain anchor: the download is a resource route.
 */
export function ReportTableView({ table, csvHref, captionSize = "m" }: { table: Omit<ReportTable, "id">; csvHref?: string; captionSize?: "s" | "m" }) {
  return (
    <div className="app-report-table">
      <Table caption={table.title} captionSize={captionSize} head={table.head} rows={table.rows} numericFrom={table.numericFrom} rowHeaders />
      {csvHref ? (
        <p className="govuk-body govuk-!-margin-bottom-8 app-report-download">
          <a className="govuk-link" href={csvHref} download>
            Download this table<span className="govuk-visually-hidden"> ({table.title})</span> as CSV
          </a>
        </p>
      ) : null}
    </div>
  );
}
