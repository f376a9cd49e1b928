import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { publicActor } from "~/domain/actor";
import { getServicePerformance } from "~/domain/reporting.server";
import { periodLabel } from "~/domain/reporting/period";
import { servicePerformanceTable } from "~/domain/reporting/tables";
import { db } from "~/server/db.server";
import { ReportTableView } from "~/ui/reporting/ReportTable";

export const handle = { title: "Service performance" };

/** Public, no sign-in: how quickly each council decided applications over the last 12 months (counts only). */
export async function loader({ context }: LoaderFunctionArgs) {
  const performance = await getServicePerformance(db(), publicActor(context.ip));
  return json({ period: performance.period, councils: performance.councils.map((c) => ({ name: c.name, table: servicePerformanceTable(c) })) });
}

export default function ServicePerformancePage() {
  const { period, councils } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Service performance</h1>
        <p className="govuk-body-l">How quickly each council using this service decided applications in the 12 months from {periodLabel(period)}.</p>
        <p className="govuk-body">
          The median is the middle value: half of the applications were decided in that many days or fewer. Days are calendar days from the day an application
          was received to the day it was decided. A performance licence should be decided before the child's first performance.
        </p>
        {councils.length ? (
          councils.map((c) => (
            <div key={c.name}>
              <h2 className="govuk-heading-m">{c.name}</h2>
              <ReportTableView table={c.table} captionSize="s" />
            </div>
          ))
        ) : (
          <p className="govuk-body">No councils use this service yet.</p>
        )}
      </div>
    </div>
  );
}
