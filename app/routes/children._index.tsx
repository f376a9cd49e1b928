import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listMyChildren } from "~/domain/children.server";
import { listParentApplications } from "~/domain/licences-parent.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { BackLink, Table, Tag } from "~/ui/govuk/components";

export const handle = { title: "Your children" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "parent:use");
  return json({ children: await listMyChildren(db(), actor), applications: await listParentApplications(db(), actor) });
}

export default function Children() {
  const { children, applications } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/account">Your account</BackLink>
        <h1 className="govuk-heading-l">Your children</h1>
        <p className="govuk-body">
          Add each child once. You can then share their details with a production company, which needs them to apply for a licence or to record
          performances that do not need one.
        </p>
        {children.length ? (
          <Table
            label="Your children"
            head={["Name", "Age", "School"]}
            rows={children.map((c) => [
              <Link key={c.id} className="govuk-link" to={`/children/${c.id}`}>
                {c.name}
              </Link>,
              c.age,
              c.school,
            ])}
          />
        ) : (
          <p className="govuk-body">You have not added any children yet.</p>
        )}
        <Link to="/children/new" className="govuk-button" data-module="govuk-button">
          Add a child
        </Link>
        {applications.length ? (
          <Table
            caption="Licence applications"
            head={["Child", "Production", "Status", "Your part"]}
            rows={applications.map((a) => [
              a.childName,
              <Link key={a.id} className="govuk-link" to={`/children/${a.childId}/applications/${a.id}`}>
                {a.productionTitle}
              </Link>,
              <Tag key="status" colour={a.statusColour}>
                {a.statusLabel}
              </Tag>,
              a.partStatusLabel,
            ])}
          />
        ) : null}
      </div>
    </div>
  );
}
