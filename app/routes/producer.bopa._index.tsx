import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listMyBopaApplications } from "~/domain/bopa.server";
import { BOPA_STATUS_COLOURS } from "~/domain/bopa/states";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { LateTag, StartButton, Table, Tag } from "~/ui/govuk/components";

export const handle = { title: "Body of persons approvals" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  return json(await listMyBopaApplications(db(), actor));
}

export default function ProducerBopa() {
  const { organisations, applications } = useLoaderData<typeof loader>();
  const several = organisations.length > 1;
  return (
    <>
      <span className="govuk-caption-l">{organisations.map((o) => o.name).join(", ")}</span>
      <h1 className="govuk-heading-l">Body of persons approvals</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            With a body of persons approval from the council where the performances take place, children can take part in your performances without a licence each, as
            long as no child, or anyone for a child, is paid beyond expenses.
          </p>
          <p className="govuk-body">Apply at least 21 days before the first performance.</p>
          <StartButton to="/producer/bopa/apply">Apply for a body of persons approval</StartButton>
        </div>
      </div>
      {applications.length ? (
        <Table
          caption="Your applications and approvals"
          head={["Reference", ...(several ? ["Organisation"] : []), "Performances", "Council", "Period", "Status", "Approval"]}
          rows={applications.map((a) => [
            <Link key="ref" className="govuk-link" to={`/producer/bopa/${a.id}`}>
              {a.reference}
            </Link>,
            ...(several ? [a.organisationName] : []),
            <span key="perf" className="app-pre-line">
              {a.performances}
            </span>,
            a.hostName,
            `${formatDate(a.periodFrom)} to ${formatDate(a.periodTo)}`,
            <span key="status">
              <Tag colour={BOPA_STATUS_COLOURS[a.status]}>{a.statusLabel}</Tag>
              <LateTag late={a.late} />
            </span>,
            a.approvalReference ? (
              <a key="pdf" className="govuk-link" href={`/documents/${a.approvalReference}.pdf`} download>
                Download {a.approvalReference} (PDF)
              </a>
            ) : (
              "None"
            ),
          ])}
        />
      ) : (
        <p className="govuk-body">You have not applied for a body of persons approval yet.</p>
      )}
    </>
  );
}
