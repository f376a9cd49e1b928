import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { invitePermitParty } from "~/domain/employment-parent.server";
import { emailAddress } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { readForm, submitForm } from "~/server/forms.server";
import { loadParentPermit } from "~/server/permit-application.server";
import { BackLink, Button, InsetText } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Ask the employer to fill in their part" };

const schema = z.object({ email: emailAddress("Enter the employer's email address") });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, base, child } = await loadParentPermit(request, context, params, { editable: true });
  if (view.employer.joined) throw redirect(base);
  return json({ base, invite: view.invite, caption: `${child.name}: work permit` });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  return submitForm(
    formData,
    schema,
    (v) => invitePermitParty(db(), actor, params.permitId ?? "", { as: "parent", email: v.email }, context.baseUrl),
    () => redirect(`/children/${params.childId}/permits/${params.permitId}?invited=1`),
  );
}

export default function AskEmployer() {
  const { base, invite, caption } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("ask-employer", schema, useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={base} />
        <ErrorSummary form={form} order={["email"]} />
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">Ask the employer to fill in their part</h1>
        <p className="govuk-body">
          We will email the employer a link. They sign in with an employer account (or create one) and give the business, the workplace, the job, the usual
          hours, who supervises and their risk assessment. The link works for 14 days.
        </p>
        {invite ? (
          <InsetText>
            We {invite.expired ? "sent" : "have sent"} a link to {invite.email}
            {invite.expired ? ", but it has expired" : ""}. Sending a new link stops the old one working.
          </InsetText>
        ) : null}
        <PostForm form={getFormProps(form)}>
          <TextInput field={fields.email} label="Employer's email address" type="email" autoComplete="off" spellCheck={false} />
          <Button>Send the link</Button>
        </PostForm>
      </div>
    </div>
  );
}
