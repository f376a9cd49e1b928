import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can, ROLE_LABELS } from "~/domain/identity/capabilities";
import { listMemberships } from "~/domain/identity.server";
import { requireCurrent } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { listMyDocuments } from "~/domain/documents.server";
import { NotificationBanner, SummaryList, Table } from "~/ui/govuk/components";

export const handle = { title: "Your account" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCurrent(request, context);
  const [roles, documents] = await Promise.all([listMemberships(db(), actor.userId!), listMyDocuments(db(), actor)]);
  const url = new URL(request.url);
  return json({
    name: actor.name,
    email: actor.email,
    roles,
    documents,
    isParent: can(actor, "parent:use"),
    isProducer: can(actor, "producer:use"),
    isEmployer: can(actor, "employer:use"),
    passwordChanged: url.searchParams.has("passwordChanged"),
    rolesAdded: url.searchParams.has("rolesAdded"),
  });
}

export default function Account() {
  const { name, email, roles, documents, isParent, isProducer, isEmployer, passwordChanged, rolesAdded } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {passwordChanged ? (
          <NotificationBanner success>
            <p className="govuk-notification-banner__heading">Your password has been changed.</p>
          </NotificationBanner>
        ) : null}
        {rolesAdded ? (
          <NotificationBanner success>
            <p className="govuk-notification-banner__heading">Your roles have been updated.</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Your account</h1>
        {isParent || isProducer || isEmployer ? (
          <ul className="govuk-list">
            {isParent ? (
              <li>
                <Link className="govuk-link" to="/children">
                  Your children
                </Link>
              </li>
            ) : null}
            {isProducer ? (
              <li>
                <Link className="govuk-link" to="/producer">
                  Your productions
                </Link>
              </li>
            ) : null}
            {isEmployer ? (
              <li>
                <Link className="govuk-link" to="/employer">
                  Child employment permits
                </Link>
              </li>
            ) : null}
          </ul>
        ) : null}
        <SummaryList
          rows={[
            { key: "Name", value: name },
            { key: "Email address", value: email },
            { key: "Password", value: "••••••••••", action: { to: "/account/password", label: "Change", hidden: "your password" } },
          ]}
        />
        <h2 className="govuk-heading-m">Your roles</h2>
        {roles.length ? (
          <ul className="govuk-list govuk-list--bullet">
            {roles.map((r) => (
              <li key={r.id}>
                {ROLE_LABELS[r.role]}
                {r.schoolName ? ` – ${r.schoolName}` : r.authorityName ? ` – ${r.authorityName}` : ""}
                {r.organisationName && r.organisationId ? (
                  <>
                    {" – "}
                    <Link className="govuk-link" to={`/account/organisations/${r.organisationId}`}>
                      {r.organisationName}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">You do not have any roles yet.</p>
        )}
        {documents.length ? (
          <Table
            caption="Your licences and approvals"
            head={["Document", "For", "Valid to", "Status"]}
            rows={documents.map((d) => [
              <a key={d.reference} className="govuk-link" href={`/documents/${d.reference}.pdf`}>
                {d.title} {d.reference} (PDF)
              </a>,
              d.childName ?? d.holderName,
              formatDate(d.validTo),
              d.statusLabel,
            ])}
          />
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to="/account/roles">
            Add a role
          </Link>
        </p>
      </div>
    </div>
  );
}
