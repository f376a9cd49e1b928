import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadParentPermit, sendPermitAction } from "~/server/permit-application.server";
import { BackLink } from "~/ui/govuk/components";
import { CheckAndSend } from "~/ui/permit-application/CheckAndSend";

export const handle = { title: "Check your answers before sending the application" };

const links = (base: string) => ({ employerPart: base, parentPart: `${base}/check`, rules: base });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, base } = await loadParentPermit(request, context, params, { editable: true });
  return json({ view, base });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const base = `/children/${params.childId}/permits/${params.permitId}`;
  return sendPermitAction(request, context, params, "parent", base, links(base));
}

export default function SubmitChildPermit() {
  const { view, base } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={base} />
        <CheckAndSend view={view} base={base} errors={result?.errors} links={links(base)} />
      </div>
    </div>
  );
}
