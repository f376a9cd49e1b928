import { formatDate } from "~/domain/calendar/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listProductionApplications, startLicenceApplications } from "~/domain/licences-producer.server";
import { dispatchEmails } from "~/domain/notifications.server";
import { LICENCE_STATUS_COLOURS, LICENCE_STATUS_LABELS } from "~/domain/licences/states";
import { getProduction } from "~/domain/productions.server";
import { PRODUCTION_KIND_LABELS } from "~/domain/productions/labels";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm } from "~/server/forms.server";
import { BackLink, Button, NotificationBanner, SummaryList, Table, Tag } from "~/ui/govuk/components";
import { PostForm } from "~/ui/govuk/form";

export const handle = { title: (data: { production?: { title: string } } | undefined) => data?.production?.title ?? "Production" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const { production, cast } = await guard(getProduction(db(), actor, params.productionId ?? ""));
  const applications = await listProductionApplications(db(), actor, production.id);
  const search = new URL(request.url).searchParams;
  const added = cast.find((c) => c.id === search.get("added"));
  const banner = search.has("created")
    ? "The production has been created. Now add the children taking part."
    : added
      ? `${added.name} has been added to ${production.title}.`
      : search.has("invited")
        ? "We have emailed the parent. Their child appears here once they accept."
        : search.has("started")
          ? "Licence applications have been started. Each child's parent fills in their part from their account."
          : search.has("venue")
            ? "The venue has been added."
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
      venues: production.venues.map((v) => ({ id: v.id, name: v.name, postcode: v.postcode, hostAuthorityName: v.hostAuthorityName, main: v.main })),
    },
    cast: cast.map((c) => ({ ...c, application: applications.find((a) => a.childId === c.id) ?? null })),
    banner,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  const { outboxIds } = await guard(startLicenceApplications(db(), actor, params.productionId ?? "", context.baseUrl));
  await dispatchEmails(outboxIds);
  return redirect(`/producer/productions/${params.productionId}?started=1`);
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
            ...(p.venues.length > 1
              ? [
                  {
                    key: "Venues",
                    value: (
                      <ul className="govuk-list">
                        {p.venues.map((v) => (
                          <li key={v.id}>
                            {v.name}, {v.postcode}
                            {v.main ? " (main venue)" : ""}
                            <br />
                            Council: {v.hostAuthorityName}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]
              : [
                  { key: "Venue", value: `${p.venueName}, ${p.venuePostcode}` },
                  { key: "Council for the venue", value: p.hostAuthorityName },
                ]),
            { key: "Dates", value: p.firstDate === p.lastDate ? formatDate(p.firstDate) : `${formatDate(p.firstDate)} to ${formatDate(p.lastDate)}` },
          ]}
        />
      </div>
      <div className="govuk-grid-column-full">
        <h2 className="govuk-heading-m">Children</h2>
        {cast.length ? (
          <Table
            label="Children"
            head={["Name", "Age on the first date", "Home council", "Licence application", "Your part", "Parent's part"]}
            rows={cast.map((c) => [
              c.application ? (
                <Link key="name" className="govuk-link" to={`/producer/applications/${c.application.id}`}>
                  {c.name}
                </Link>
              ) : (
                c.name
              ),
              c.ageOnFirstDate,
              c.homeAuthorityName,
              c.application ? <Tag key="status" colour={LICENCE_STATUS_COLOURS[c.application.status]}>{LICENCE_STATUS_LABELS[c.application.status]}</Tag> : "Not started",
              c.application?.producerPart ?? "",
              c.application ? (c.application.parentPartCompleted ? "Completed" : "Waiting for the parent") : "",
            ])}
          />
        ) : (
          <p className="govuk-body">No children have been added yet. A parent gives you a share code, or you can ask a parent to add their child.</p>
        )}
        {cast.some((c) => !c.application) ? (
          <PostForm>
            <p className="govuk-body">
              Each child needs a licence from the council where they live. Starting the applications makes one for each child without one, and asks the
              parent to fill in their part.
            </p>
            <Button>Start licence applications</Button>
          </PostForm>
        ) : null}
      </div>
      <div className="govuk-grid-column-two-thirds">
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
            <Link className="govuk-link" to={`${base}/add-venue`}>
              Add another venue
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
