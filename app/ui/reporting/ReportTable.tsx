import { useId } from "react";
import type { ReportTable } from "~/domain/reporting/tables";
import { TableScroll } from "~/ui/govuk/components";

/**
 * One of the report's tables as a GOV.UK table (numbers right-aligned), with a link to download the same
 * figures as CSV when `csvHref` is given. The link is a plain anchor: the download is a resource route.
 */
export function ReportTableView({ table, csvHref, captionSize = "m" }: { table: Omit<ReportTable, "id">; csvHref?: string; captionSize?: "s" | "m" }) {
  const numeric = (i: number) => (i >= table.numericFrom ? " govuk-table__header--numeric" : "");
  const captionId = useId();
  return (
    <div className="app-report-table">
      <TableScroll labelledBy={captionId}>
        <table className="govuk-table">
          <caption id={captionId} className={`govuk-table__caption govuk-table__caption--${captionSize}`}>{table.title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {table.head.map((h, i) => (
                <th key={h} scope="col" className={`govuk-table__header${numeric(i)}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {table.rows.map((row, r) => (
              <tr key={r} className="govuk-table__row">
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="govuk-table__header">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className={`govuk-table__cell${i >= table.numericFrom ? " govuk-table__cell--numeric" : ""}`}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
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
