import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listEmployerPermits } from "~/domain/employment-employer.server";
import { organisationScope } from "~/domain/identity/capabilities";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { Table, Tag } from "~/ui/govuk/components";

export const handle = { title: "Child employment permits" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "employer:use");
  const permits = await listEmployerPermits(db(), actor);
  return json({ permits, severalOrganisations: organisationScope(actor, "employer:use").length > 1 });
}

export default function EmployerDesk() {
  const { permits, severalOrganisations } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">Employer</span>
      <h1 className="govuk-heading-l">Child employment permits</h1>
      <p className="govuk-body">
        A child under school leaving age needs a permit from the council where they work, for any part-time job. Apply within 7 days of the child starting.
      </p>
      <Link to="/employer/permits/new" className="govuk-button" data-module="govuk-button">
        Apply for a permit
      </Link>
      {permits.length ? (
        <Table
          caption="Your permits and applications"
          head={["Child", "Job", ...(severalOrganisations ? ["Business"] : []), "Status", "Reference", "Valid until"]}
          rows={permits.map((p) => [
            <Link key={p.id} className="govuk-link" to={`/employer/permits/${p.id}`}>
              {p.childName ?? "Child not added yet"}
              {p.childName ? null : <span className="govuk-visually-hidden"> ({p.job ?? "job not described yet"})</span>}
            </Link>,
            p.job ?? "Not described yet",
            ...(severalOrganisations ? [p.businessName ?? p.organisationName] : []),
            <>
              <Tag colour={p.statusColour}>{p.statusLabel}</Tag>
              {p.nextStep ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{p.nextStep}</span> : null}
            </>,
            p.reference ?? "",
            p.endsOn ? formatDate(p.endsOn) : "",
          ])}
        />
      ) : (
        <p className="govuk-body">You have not applied for any permits yet.</p>
      )}
    </>
  );
}
