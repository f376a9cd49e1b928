import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS } from "~/domain/identity/capabilities";
import { listStaff } from "~/domain/identity.server";
import { requireAdmin } from "~/server/admin.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { NotificationBanner, Table } from "~/ui/govuk/components";

export const handle = { title: "Administration" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, authorityId } = await requireAdmin(request, context);
  const data = await guard(listStaff(db(), actor, authorityId));
  const url = new URL(request.url);
  return json({ ...data, invited: url.searchParams.get("invited"), schoolAdded: url.searchParams.get("schoolAdded"), settingsSaved: url.searchParams.has("settingsSaved") });
}

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });

export default function AdminHome() {
  const { authority, staff, pending, schools, invited, schoolAdded, settingsSaved } = useLoaderData<typeof loader>();
  return (
    <>
      {invited ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">Invitation sent to {invited}</p>
        </NotificationBanner>
      ) : null}
      {schoolAdded ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{schoolAdded} has been added</p>
        </NotificationBanner>
      ) : null}
      {settingsSaved ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">Your local settings have been saved</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{authority.name}</span>
      <h1 className="govuk-heading-l">Administration</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to="/admin/settings">
          Local settings
        </Link>{" "}
        – how long chaperone approvals last, the four-day rule, BOPA periods, closure days and deadlines
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/reports">
          Annual report
        </Link>{" "}
        – how timely your council's licensing was, for any period
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/admin/term-dates">
          School term dates
        </Link>{" "}
        – for counting the school days a child misses
      </p>
      <h2 className="govuk-heading-m">Staff</h2>
      <p className="govuk-body">
        <Link className="govuk-button govuk-button--secondary" to="/admin/staff/invite">
          Invite a member of staff
        </Link>
      </p>
      <Table label="Staff" head={["Name", "Email address", "Role"]} rows={staff.map((s) => [s.name, s.email, `${ROLE_LABELS[s.role]}${s.schoolName ? ` – ${s.schoolName}` : ""}`])} />
      {pending.length ? (
        <Table
          caption="Invitations not yet accepted"
          head={["Name", "Email address", "Role", "Expires"]}
          rows={pending.map((p) => [p.name, p.email, ROLE_LABELS[p.role], date.format(new Date(p.expiresAt))])}
        />
      ) : null}
      <h2 className="govuk-heading-m">Schools</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to="/admin/schools/new">
          Add a school
        </Link>
      </p>
      <ul className="govuk-list">
        {schools.map((s) => (
          <li key={s.id}>{s.name}</li>
        ))}
      </ul>
    </>
  );
}
