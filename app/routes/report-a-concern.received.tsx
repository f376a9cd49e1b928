import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CONCERN_REFERENCE_PATTERN } from "~/domain/safeguarding/labels";
import { Panel } from "~/ui/govuk/components";

export const handle = { title: "Concern received" };

/** The acknowledgement: the reference, and nothing about the case. */
export async function loader({ request }: LoaderFunctionArgs) {
  const reference = new URL(request.url).searchParams.get("reference") ?? "";
  if (!CONCERN_REFERENCE_PATTERN.test(reference)) throw new Response("Not found", { status: 404 });
  return json({ reference });
}

export default function ConcernReceived() {
  const { reference } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="Concern received">
          Your reference number
          <br />
          <strong>{reference}</strong>
        </Panel>
        <p className="govuk-body">We have sent you an email with your reference.</p>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          The council's Local Authority Designated Officer (LADO) will consider your concern within 1 working day. They may contact you if they need to
          know more.
        </p>
        <p className="govuk-body">To protect the child and everyone involved, we will not be able to tell you what happens next.</p>
        <p className="govuk-body">If a child is in immediate danger, call 999.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Return to the home page
          </Link>
        </p>
      </div>
    </div>
  );
}
