import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDay } from "~/domain/calendar/dates";
import { EXEMPTION_BASIS_LABELS } from "~/domain/exemptions/labels";
import { getExemptRecordingForm, listProductionExemptPerformances } from "~/domain/exemptions.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { BackLink, NotificationBanner, Table } from "~/ui/govuk/components";

export const handle = { title: "Exempt performances" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const [form, records] = await guard(
    Promise.all([getExemptRecordingForm(db(), actor, params.productionId!), listProductionExemptPerformances(db(), actor, params.productionId!)]),
  );
  const recorded = Number(new URL(request.url).searchParams.get("recorded")) || 0;
  return json({ production: form.production, records, recorded });
}

export default function ExemptPerformances() {
  const { production, records, recorded } = useLoaderData<typeof loader>();
  const base = `/producer/productions/${production.id}`;
  return (
    <>
      <BackLink to={base} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          {recorded ? (
            <NotificationBanner success title="Success">
              <p className="govuk-notification-banner__heading">
                {recorded === 1 ? "1 exempt performance has" : `${recorded} exempt performances have`} been recorded
              </p>
              <p className="govuk-body">Each child's parent and home council have been told. Keep the exemption records with your production paperwork.</p>
            </NotificationBanner>
          ) : null}
          <span className="govuk-caption-l">{production.title}</span>
          <h1 className="govuk-heading-l">Exempt performances</h1>
          <p className="govuk-body">
            <Link className="govuk-link" to={`${base}/exempt-performances/new`}>
              Record exempt performances
            </Link>
          </p>
          {records.length ? (
            <Table
              caption="Recorded"
              head={["Child", "Dates", "Exemption", "Exemption record"]}
              rows={records.map((r) => [
                `${r.childFirstName} ${r.childLastName}`,
                r.dates.map(formatDay).join(", "),
                EXEMPTION_BASIS_LABELS[r.basis],
                r.documentReference ? (
                  <a key={r.id} className="govuk-link" href={`/documents/${r.documentReference}.pdf`}>
                    {r.documentReference} (PDF)
                  </a>
                ) : (
                  "Not issued"
                ),
              ])}
            />
          ) : (
            <p className="govuk-body">No exempt performances have been recorded for this production.</p>
          )}
        </div>
      </div>
    </>
  );
}
