import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDay } from "~/domain/calendar/dates";
import { EXEMPTION_BASIS_LABELS } from "~/domain/exemptions/labels";
import { listExemptPerformancesForOfficer } from "~/domain/exemptions.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { BackLink, Table } from "~/ui/govuk/components";

export const handle = { title: "Exempt performances" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "officer:use");
  return json({ records: await listExemptPerformancesForOfficer(db(), actor) });
}

export default function OfficerExemptPerformances() {
  const { records } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/officer" />
      <h1 className="govuk-heading-l">Exempt performances</h1>
      <p className="govuk-body">
        Performances recorded by organisers under an exemption, for children who live in your area or performances that take place in it. Each was
        checked against the child's performance record in every council area before it was recorded.
      </p>
      {records.length ? (
        <Table
          caption="Most recent first"
          head={["Child", "Lives in", "Production", "Dates", "Exemption", "Record"]}
          rows={records.map((r) => [
            `${r.childFirstName} ${r.childLastName}`,
            r.homeAuthorityName,
            `${r.productionTitle} (${r.organisationName}, in ${r.hostAuthorityName})`,
            r.dates.map(formatDay).join(", "),
            EXEMPTION_BASIS_LABELS[r.basis],
            r.documentReference ? (
              <a key={r.id} className="govuk-link" href={`/documents/${r.documentReference}.pdf`}>
                {r.documentReference}
              </a>
            ) : (
              `Held by ${r.homeAuthorityName}`
            ),
          ])}
        />
      ) : (
        <p className="govuk-body">No exempt performances have been recorded.</p>
      )}
    </>
  );
}
