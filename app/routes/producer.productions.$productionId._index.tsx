import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getProduction } from "~/domain/productions.server";
import { PRODUCTION_KIND_LABELS } from "~/domain/productions/labels";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { formatDate } from "~/ui/documents/PublicDocumentSummary";
import { BackLink, NotificationBanner, SummaryList, Table } from "~/ui/govuk/components";

export const handle = { title: (data: { production?: { title: string } } | undefined) => data?.production?.title ?? "Production" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const { production, cast } = await guard(getProduction(db(), actor, params.productionId ?? ""));
  const search = new URL(request.url).searchParams;
  const added = cast.find((c) => c.id === search.get("added"));
  const banner = search.has("created")
    ? "The production has been created. Now add the children taking part."
    : added
      ? `${added.name} has been added to ${production.title}.`
      : search.has("invited")
        ? "We have emailed the parent. Their child appears here once they accept."
        : null;
  return json({
    production: {
      id: production.id,
      title: production.title,
      organisationName: production.organisationName,
      kind: production.kind,
      paid: production.paid,
      broadcast: production.broadcast,
      venueName: production.venueName,
      venuePostcode: production.venuePostcode,
      hostAuthorityName: production.hostAuthorityName,
      firstDate: production.firstDate,
      lastDate: production.lastDate,
    },
    cast,
    banner,
  });
}

export default function Production() {
  const { production: p, cast, banner } = useLoaderData<typeof loader>();
  const base = `/producer/productions/${p.id}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/producer">Your productions</BackLink>
        {banner ? (
          <NotificationBanner success>
            <p className="govuk-notification-banner__heading">{banner}</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">{p.organisationName}</span>
        <h1 className="govuk-heading-l">{p.title}</h1>
        <SummaryList
          rows={[
            { key: "Type", value: PRODUCTION_KIND_LABELS[p.kind] },
            { key: "Children paid more than expenses", value: p.paid ? "Yes" : "No" },
            { key: "Filmed or recorded for broadcast or streaming", value: p.broadcast ? "Yes" : "No" },
            { key: "Venue", value: `${p.venueName}, ${p.venuePostcode}` },
            { key: "Council for the venue", value: p.hostAuthorityName },
            { key: "Dates", value: p.firstDate === p.lastDate ? formatDate(p.firstDate) : `${formatDate(p.firstDate)} to ${formatDate(p.lastDate)}` },
          ]}
        />
        <h2 className="govuk-heading-m">Children</h2>
        {cast.length ? (
          <Table
            head={["Name", "Age on the first date", "Home council", "Shared on"]}
            rows={cast.map((c) => [c.name, c.ageOnFirstDate, c.homeAuthorityName, c.sharedAt ? formatDate(c.sharedAt.slice(0, 10)) : ""])}
          />
        ) : (
          <p className="govuk-body">No children have been added yet. A parent gives you a share code, or you can ask a parent to add their child.</p>
        )}
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`${base}/add-child`}>
              Add a child with a share code
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`${base}/invite-parent`}>
              Ask a parent to add their child
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`${base}/exempt-performances/new`}>
              Record exempt performances
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`${base}/exempt-performances`}>
              Exempt performances recorded
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
