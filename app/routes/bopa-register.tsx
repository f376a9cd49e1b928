import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listBopaRegister } from "~/domain/bopa.server";
import { db } from "~/server/db.server";
import { limitByAddress } from "~/server/rate-limit.server";
import { Table } from "~/ui/govuk/components";

export const handle = { title: "Body of persons approvals register" };

export async function loader({ context }: LoaderFunctionArgs) {
  await limitByAddress(context, "bopa-register", 60);
  return json({ approvals: await listBopaRegister(db()) }, { headers: { "Cache-Control": "no-store" } });
}

type Approval = Awaited<ReturnType<typeof listBopaRegister>>[number];

/** Consecutive rows of one organisation (the register is ordered by organisation). */
function byOrganisation(approvals: Approval[]) {
  const groups: { name: string; approvals: Approval[] }[] = [];
  for (const approval of approvals) {
    const last = groups[groups.length - 1];
    if (last?.name === approval.organisationName) last.approvals.push(approval);
    else groups.push({ name: approval.organisationName, approvals: [approval] });
  }
  return groups;
}

export default function BopaRegister() {
  const { approvals } = useLoaderData<typeof loader>();
  const groups = byOrganisation(approvals);
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Body of persons approvals register</h1>
          <p className="govuk-body">
            Organisations approved by a council to put on performances with children without a licence for each child, as long as no child, or anyone for a child, is
            paid beyond expenses. It lists approvals in force now or starting later.
          </p>
          <p className="govuk-body">
            Select a reference to check the approval’s status, or{" "}
            <Link className="govuk-link" to="/verify">
              check a licence or approval by its reference
            </Link>
            .
          </p>
        </div>
      </div>
      {groups.length ? (
        groups.map((group, i) => (
          <Table
            key={`${group.name}-${i}`}
            caption={group.name}
            head={["Reference", "Council", "Performances", "Valid"]}
            rows={group.approvals.map((a) => [
              <Link key="reference" className="govuk-link" to={`/verify/${a.reference}`}>
                {a.reference}
              </Link>,
              a.hostName,
              <span key="performances" className="app-pre-line">
                {a.performances}
              </span>,
              `${formatDate(a.validFrom)} to ${formatDate(a.validTo)}`,
            ])}
          />
        ))
      ) : (
        <p className="govuk-body">There are no body of persons approvals in force.</p>
      )}
    </>
  );
}
