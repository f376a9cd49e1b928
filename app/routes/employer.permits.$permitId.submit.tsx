import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { submitPermitApplication } from "~/domain/employment-employer.server";
import { RuleError } from "~/domain/errors";
import { dispatchEmails } from "~/domain/notifications.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { readForm, toResponse } from "~/server/forms.server";
import { loadEmployerPermit, permitRuleOptions } from "~/server/permit-application.server";
import { BackLink } from "~/ui/govuk/components";
import { CheckAndSend } from "~/ui/permit-application/CheckAndSend";

export const handle = { title: "Check your answers before sending the application" };

const links = (base: string) => ({ employerPart: base, parentPart: base, rules: `${base}/hours/term` });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, base } = await loadEmployerPermit(request, context, params, { editable: true });
  return json({ view, base });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const { actor } = await requireCapability(request, context, "employer:use");
  const base = `/employer/permits/${params.permitId}`;
  try {
    const { outboxIds } = await submitPermitApplication(db(), actor, params.permitId ?? "", "employer", context.baseUrl, { rules: permitRuleOptions() });
    await dispatchEmails(outboxIds);
  } catch (error) {
    if (!(error instanceof RuleError)) return toResponse(error);
    const to = links(base) as Record<string, string>;
    const errors = Object.entries(error.fieldErrors).flatMap(([key, messages]) => messages.map((text) => ({ href: to[key] ?? base, text })));
    return json({ errors }, { status: 400 });
  }
  return redirect(`${base}/submitted`);
}

export default function SubmitPermit() {
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
