import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getMyChaperoneApplication } from "~/domain/chaperones.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { Panel } from "~/ui/govuk/components";

export const handle = { title: "Application sent" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "chaperone:use");
  const application = await getMyChaperoneApplication(db(), actor);
  if (!application?.reference || application.editable) throw redirect("/chaperone");
  return json({
    reference: application.reference,
    authorityName: application.authority?.name ?? "The council",
    email: application.applicantEmail,
    referees: application.referees.map((r) => r.name),
  });
}

export default function Submitted() {
  const { reference, authorityName, email, referees } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="Application sent">
          Your reference number
          <br />
          <strong>{reference}</strong>
        </Panel>
        <p className="govuk-body">We have sent a confirmation email to {email}.</p>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">We have emailed your referees, {referees.join(" and ")}, a link to give you a reference. The link works for 14 days, so let them know to expect it.</p>
        <p className="govuk-body">{authorityName} will then:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>check your DBS certificate</li>
          <li>read your references</li>
          <li>invite you to an interview, where you show them your identity documents</li>
        </ul>
        <p className="govuk-body">They will email you if they need anything else, and when they have made a decision.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/chaperone">
            See the progress of your application
          </Link>
        </p>
      </div>
    </div>
  );
}
