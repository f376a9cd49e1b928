import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPermitQueue } from "~/domain/employment-officer.server";
import { PERMIT_QUEUE_VIEW_LABELS, PERMIT_QUEUE_VIEWS, parsePermitQueueView } from "~/domain/employment/permitQueueViews";
import { PERMIT_STATUS_COLOURS } from "~/domain/employment/states";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { BackLink, Table, Tag } from "~/ui/govuk/components";

export const handle = { title: "Child employment permits" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "employment-permit:decide");
  const view = parsePermitQueueView(new URL(request.url).searchParams.get("show"));
  return json(await listPermitQueue(db(), actor, view));
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" });

function cells(p: Row, view: string) {
  return [
    <Link key="ref" className="govuk-link" to={`/officer/permits/${p.id}`}>
      {p.reference}
    </Link>,
    p.childName,
    p.employer,
    <span key="job">
      {p.job}
      {p.jobDescription ? (
        <>
          <br />
          <span className="govuk-hint govuk-!-margin-bottom-0">{p.jobDescription}</span>
        </>
      ) : null}
    </span>,
    p.startDate ? formatDate(p.startDate) : "Not given",
    view === "waiting" ? (p.submittedAt ? dateTime.format(new Date(p.submittedAt)) : "Not known") : p.endsOn ? formatDate(p.endsOn) : "Not set",
    <span key="status">
      <Tag colour={PERMIT_STATUS_COLOURS[p.status]}>{p.statusLabel}</Tag>
      {p.late ? (
        <>
          {" "}
          <Tag colour="orange">Late (EMPLOY-7DAYS)</Tag>
        </>
      ) : null}
    </span>,
  ];
}

export default function OfficerPermitQueue() {
  const { view, rows, counts } = useLoaderData<typeof loader>();
  const head = ["Reference", "Child", "Employer", "Job", "Start date", view === "waiting" ? "Received" : "Last day", "Status"];
  return (
    <>
      <BackLink to="/officer">Licensing</BackLink>
      <h1 className="govuk-heading-l">Child employment permits</h1>
      <p className="govuk-body">Applications for children to work for employers in your area. Those waiting longest come first.</p>
      <nav className="app-sub-navigation govuk-!-margin-bottom-6" aria-label="Permits by status">
        <ul className="govuk-list">
          {PERMIT_QUEUE_VIEWS.map((v) => {
            const label = `${PERMIT_QUEUE_VIEW_LABELS[v]} (${counts[v]})`;
            return (
              <li key={v} className="govuk-!-display-inline-block govuk-!-margin-right-6">
                {v === view ? (
                  <strong className="govuk-!-font-weight-bold" aria-current="page">
                    {label}
                  </strong>
                ) : (
                  <Link className="govuk-link" to={v === "waiting" ? "/officer/permits" : `/officer/permits?show=${v}`}>
                    {label}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </nav>
      {rows.length ? (
        <Table caption={PERMIT_QUEUE_VIEW_LABELS[view]} head={head} rows={rows.map((r) => cells(r, view))} />
      ) : (
        <p className="govuk-body">{view === "waiting" ? "There are no permit applications waiting for a decision." : "There are no permits here."}</p>
      )}
    </>
  );
}
