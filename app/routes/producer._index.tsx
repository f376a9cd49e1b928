import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listMyProductions, listProducerOrganisations } from "~/domain/productions.server";
import { PRODUCTION_KIND_LABELS } from "~/domain/productions/labels";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { Table } from "~/ui/govuk/components";

export const handle = { title: "Your productions" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const [productions, organisations] = await Promise.all([listMyProductions(db(), actor), listProducerOrganisations(db(), actor)]);
  return json({ productions, organisations });
}

export default function ProducerDesk() {
  const { productions, organisations } = useLoaderData<typeof loader>();
  const several = organisations.length > 1;
  return (
    <>
      <span className="govuk-caption-l">{several ? "Producer" : organisations[0]?.name}</span>
      <h1 className="govuk-heading-l">Your productions</h1>
      <Link to="/producer/productions/new" className="govuk-button" data-module="govuk-button">
        Create a production
      </Link>
      {productions.length ? (
        <Table
          label="Your productions"
          head={["Production", ...(several ? ["Organisation"] : []), "Type", "Dates", "Children"]}
          rows={productions.map((p) => [
            <Link key={p.id} className="govuk-link" to={`/producer/productions/${p.id}`}>
              {p.title}
            </Link>,
            ...(several ? [p.organisationName] : []),
            PRODUCTION_KIND_LABELS[p.kind],
            p.firstDate === p.lastDate ? formatDate(p.firstDate) : `${formatDate(p.firstDate)} to ${formatDate(p.lastDate)}`,
            p.children,
          ])}
        />
      ) : (
        <p className="govuk-body">You have not created any productions yet. Create one, then add the children taking part.</p>
      )}
    </>
  );
}
