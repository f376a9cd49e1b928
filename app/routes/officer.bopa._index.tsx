import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listBopaQueue } from "~/domain/bopa.server";
import { BOPA_STATUS_COLOURS } from "~/domain/bopa/states";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { BackLink, LateTag, Table, Tag } from "~/ui/govuk/components";

export const handle = { title: "Body of persons approvals" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "bopa:decide");
  return json(await listBopaQueue(db(), actor));
}

type Row = Awaited<ReturnType<typeof listBopaQueue>>["waiting"][number];

const reference = (a: Row) => (
  <Link key="ref" className="govuk-link" to={`/officer/bopa/${a.id}`}>
    {a.reference}
  </Link>
);
const period = (a: Row) => `${formatDate(a.periodFrom)} to ${formatDate(a.periodTo)}`;

export default function OfficerBopaQueue() {
  const { waiting, decided } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/officer">Licensing</BackLink>
      <h1 className="govuk-heading-l">Body of persons approvals</h1>
      <p className="govuk-body">Applications from organisations putting on performances in your area, oldest first.</p>
      {waiting.length ? (
        <Table
          caption="Waiting for a decision"
          head={["Reference", "Organisation", "Period", "Sent"]}
          rows={waiting.map((a) => [
            reference(a),
            a.organisationName,
            period(a),
            <span key="sent">
              {formatDate(a.submittedOn)}
              <LateTag late={a.late} />
            </span>,
          ])}
        />
      ) : (
        <p className="govuk-body">There are no applications waiting for a decision.</p>
      )}
      {decided.length ? (
        <Table
          caption="Decided"
          head={["Reference", "Organisation", "Period", "Decided", "Status"]}
          rows={decided.map((a) => [
            reference(a),
            a.organisationName,
            period(a),
            a.decidedOn ? formatDate(a.decidedOn) : "Not known",
            <Tag key="status" colour={BOPA_STATUS_COLOURS[a.status]}>
              {a.statusLabel}
            </Tag>,
          ])}
        />
      ) : null}
    </>
  );
}
