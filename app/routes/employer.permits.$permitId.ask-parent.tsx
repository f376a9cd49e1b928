import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { invitePermitParty } from "~/domain/employment-employer.server";
import { emailAddress } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { readForm, submitForm } from "~/server/forms.server";
import { loadEmployerPermit } from "~/server/permit-application.server";
import { BackLink, Button, InsetText } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Ask the child's parent to fill in their part" };

const schema = z.object({ email: emailAddress("Enter the parent's email address") });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, base } = await loadEmployerPermit(request, context, params, { editable: true });
  if (view.parent.joined) throw redirect(base);
  return json({ base, invite: view.invite });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "employer:use");
  return submitForm(
    formData,
    schema,
    (v) => invitePermitParty(db(), actor, params.permitId ?? "", { as: "employer", email: v.email }, context.baseUrl),
    () => redirect(`/employer/permits/${params.permitId}?saved=invited`),
  );
}

export default function AskParent() {
  const { base, invite } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("ask-parent", schema, useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={base} />
        <ErrorSummary form={form} order={["email"]} />
        <span className="govuk-caption-l">Employment permit application</span>
        <h1 className="govuk-heading-l">Ask the child's parent to fill in their part</h1>
        <p className="govuk-body">
          We will email the child's parent or carer a link. They sign in (or create an account), choose the child, answer a question about the child's
          health and give their consent. The link works for 14 days.
        </p>
        {invite ? (
          <InsetText>
            We {invite.expired ? "sent" : "have sent"} a link to {invite.email}
            {invite.expired ? ", but it has expired" : ""}. Sending a new link stops the old one working.
          </InsetText>
        ) : null}
        <PostForm form={getFormProps(form)}>
          <TextInput field={fields.email} label="Parent's email address" type="email" autoComplete="off" spellCheck={false} />
          <Button>Send the link</Button>
        </PostForm>
      </div>
    </div>
  );
}
