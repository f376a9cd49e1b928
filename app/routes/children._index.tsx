import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listMyChildren } from "~/domain/children.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { BackLink, Table } from "~/ui/govuk/components";

export const handle = { title: "Your children" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "parent:use");
  return json({ children: await listMyChildren(db(), actor) });
}

export default function Children() {
  const { children } = useLoaderData<typeof loader>();
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
      </div>
    </div>
  );
}
