import { formatDate, formatMomentDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listChangeReports, listChaperoneQueue } from "~/domain/chaperones.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { BackLink, Table, Tag } from "~/ui/govuk/components";

export const handle = { title: "Chaperone applications" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "chaperone-application:decide");
  const [queue, changes] = await Promise.all([listChaperoneQueue(db(), actor), listChangeReports(db(), actor)]);
  return json({ ...queue, changes });
}

const STATUS_COLOURS = { submitted: "blue", "checks-in-progress": "purple", "information-requested": "yellow" } as const;

export default function ChaperoneQueue() {
  const { applications, counts, overdueAfterDays, changes } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/officer">Licensing</BackLink>
      <h1 className="govuk-heading-l">Chaperone applications</h1>
      {changes.length ? (
        <Table
          caption="Changes reported"
          head={["Approval", "Chaperone", "Change", "Happened", "Reported"]}
          rows={changes.map((c) => [
            <Link key={c.id} className="govuk-link" to={`/officer/chaperones/changes/${c.id}`}>
              {c.reference}
            </Link>,
            c.chaperoneName,
            c.kindLabel,
            formatDate(c.happenedOn),
            c.late ? (
              <>
                {formatMomentDate(c.reportedAt)} <Tag colour="red">Late</Tag>
              </>
            ) : (
              formatMomentDate(c.reportedAt)
            ),
          ])}
        />
      ) : null}
      <p className="govuk-body">Applications waiting for a decision from your council, oldest first.</p>
      <ul className="govuk-list">
        {counts.map((c) => (
          <li key={c.status}>
            <span className="govuk-!-font-weight-bold">{c.count}</span> {c.label.toLowerCase()}
          </li>
        ))}
      </ul>
      {applications.length ? (
        <Table
          caption="Waiting for a decision"
          head={["Reference", "Name", "Type", "Submitted", "Age in days", "Status"]}
          rows={applications.map((a) => [
            <Link key={a.id} className="govuk-link" to={`/officer/chaperones/${a.id}`}>
              {a.reference}
            </Link>,
            a.name,
            a.renewal ? "Renewal" : "New",
            formatDate(a.submittedOn),
            a.overdue ? (
              <>
                {a.ageDays}{" "}
                <Tag colour="red">Over {overdueAfterDays} days</Tag>
              </>
            ) : (
              a.ageDays
            ),
            <Tag key="s" colour={STATUS_COLOURS[a.status as keyof typeof STATUS_COLOURS]}>
              {a.statusLabel}
            </Tag>,
          ])}
        />
      ) : (
        <p className="govuk-body">There are no chaperone applications waiting for a decision.</p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/officer/chaperone-register">
          Check a chaperone approved by any council
        </Link>
      </p>
    </>
  );
}
