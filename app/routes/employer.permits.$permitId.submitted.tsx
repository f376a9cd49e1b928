import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadEmployerPermit } from "~/server/permit-application.server";
import { Panel } from "~/ui/govuk/components";
import { WhatHappensNext } from "~/ui/permit-application/WhatHappensNext";

export const handle = { title: "Application sent" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, base } = await loadEmployerPermit(request, context, params);
  if (!view.reference) throw redirect(base);
  return json({ reference: view.reference, authorityName: view.authorityName ?? "the council", childName: view.child?.name ?? "the child", late: view.late, base });
}

export default function PermitSubmitted() {
  const { reference, authorityName, childName, late, base } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="Application sent">
          Your reference number
          <br />
          <strong>{reference}</strong>
        </Panel>
        <WhatHappensNext authorityName={authorityName} childName={childName} late={late} />
        <p className="govuk-body">
          <Link className="govuk-link" to={base}>
            See the application
          </Link>{" "}
          or go back to{" "}
          <Link className="govuk-link" to="/employer">
            your permits
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
