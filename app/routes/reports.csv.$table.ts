import type { LoaderFunctionArgs } from "@remix-run/node";
import { londonDate } from "~/domain/calendar/dates";
import { getAnnualReport } from "~/domain/reporting.server";
import { csvFilename, toCsv } from "~/domain/reporting/csv";
import { isReportTableId } from "~/domain/reporting/labels";
import { isValidPeriod, lastCompleteFinancialYear, MAX_PERIOD_YEARS } from "~/domain/reporting/period";
import { reportTables } from "~/domain/reporting/tables";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";

/**
 * One table of the annual report as a CSV download: /reports/csv/{table}?from=YYYY-MM-DD&to=YYYY-MM-DD&authority=…,
 * with the report page's checks (report:read, one of the actor's councils, a period of up to 5 years). Starts with
 * a byte order mark, so spreadsheets read it as UTF-8.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "report:read");
  const table = params.table ?? "";
  if (!isReportTableId(table)) throw new Response("Not found", { status: 404 });
  const query = new URL(request.url).searchParams;
  const [from, to] = [query.get("from"), query.get("to")];
  const period = from === null && to === null ? lastCompleteFinancialYear(londonDate()) : { from: from ?? "", to: to ?? "" };
  if (!isValidPeriod(period)) {
    throw new Response(`Give the period as from=YYYY-MM-DD&to=YYYY-MM-DD, ending on or after its start and at most ${MAX_PERIOD_YEARS} years long`, { status: 400 });
  }
  const report = await guard(getAnnualReport(db(), actor, { authorityId: query.get("authority"), ...period }));
  const { head, rows } = reportTables(report).find((t) => t.id === table)!;
  return new Response(`\uFEFF${toCsv(head, rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFilename(report.authority.code, table, period)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
