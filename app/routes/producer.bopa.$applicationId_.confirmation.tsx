import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getMyBopaApplication } from "~/domain/bopa.server";
import { BOPA_RULES } from "~/domain/bopa/rules";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { Panel, WarningText } from "~/ui/govuk/components";

export const handle = { title: "Application sent" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const application = await guard(getMyBopaApplication(db(), actor, params.applicationId ?? ""));
  return json({ id: application.id, reference: application.reference, hostName: application.hostName, late: application.late, email: actor.email });
}

export default function BopaSubmitted() {
  const { id, reference, hostName, late, email } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="Application sent">
          Your reference number
          <br />
          <strong>{reference}</strong>
        </Panel>
        <p className="govuk-body">We have sent a confirmation email to {email}.</p>
        {late ? (
          <WarningText>
            The first performance is less than {BOPA_RULES["BOPA-21"].days} days away. {hostName} will try to decide in time but may not be able to.
          </WarningText>
        ) : null}
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">A licensing officer at {hostName} will read your application, child protection policy and risk assessment, and look at your organisation’s record.</p>
        <p className="govuk-body">
          We will email you when they have decided. If they grant the approval, you can download it from your applications. Until then, children taking part need a
          licence or another exemption.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/producer/bopa/${id}`}>
            See your application
          </Link>
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/producer/bopa">
            Back to your body of persons approvals
          </Link>
        </p>
      </div>
    </div>
  );
}
