import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listBopaRegister } from "~/domain/bopa.server";
import { db } from "~/server/db.server";
import { limitByAddress } from "~/server/rate-limit.server";

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
          <table key={`${group.name}-${i}`} className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{group.name}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Reference
                </th>
                <th scope="col" className="govuk-table__header">
                  Council
                </th>
                <th scope="col" className="govuk-table__header">
                  Performances
                </th>
                <th scope="col" className="govuk-table__header">
                  Valid
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {group.approvals.map((a) => (
                <tr key={a.reference} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/verify/${a.reference}`}>
                      {a.reference}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{a.hostName}</td>
                  <td className="govuk-table__cell app-pre-line">{a.performances}</td>
                  <td className="govuk-table__cell">
                    {formatDate(a.validFrom)} to {formatDate(a.validTo)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))
      ) : (
        <p className="govuk-body">There are no body of persons approvals in force.</p>
      )}
    </>
  );
}
