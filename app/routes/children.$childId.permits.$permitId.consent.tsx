import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { saveParentPermitPart } from "~/domain/employment-parent.server";
import { requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { readForm, submitForm } from "~/server/forms.server";
import { cameFromCheck, loadParentPermit } from "~/server/permit-application.server";
import { BackLink, Button, InsetText } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Your consent" };

const schema = z.object({
  consentName: requiredText("Enter your full name to give your consent", 200, "Your name must be 200 characters or fewer"),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, base, child } = await loadParentPermit(request, context, params, { editable: true });
  const employer = view.employer.businessName ?? "the employer";
  return json({
    back: cameFromCheck(request) ? `${base}/check` : base,
    caption: `${child.name}: work permit`,
    statement: `I am ${child.name}'s parent or carer. I consent to ${child.name} working for ${employer}${view.employer.occupationLabel ? ` (${view.employer.occupationLabel.toLowerCase()})` : ""} as described in this application, and I confirm that the information in my part is true and complete to the best of my knowledge.`,
    saved: { consentName: view.parent.consentName ?? undefined },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  return submitForm(
    formData,
    schema,
    (v) => saveParentPermitPart(db(), actor, params.permitId ?? "", { section: "consent", consentName: v.consentName }),
    () => redirect(`/children/${params.childId}/permits/${params.permitId}/check`),
  );
}

export default function PermitConsent() {
  const { back, caption, statement, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("consent", schema, useActionData<typeof action>(), saved);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back} />
        <ErrorSummary form={form} order={["consentName"]} />
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">Your consent</h1>
        <InsetText>{statement}</InsetText>
        <p className="govuk-body">Typing your full name below is your signature. Giving false information may mean the permit is refused or revoked.</p>
        <PostForm form={getFormProps(form)}>
          <TextInput field={fields.consentName} label="Your full name" autoComplete="name" spellCheck={false} />
          <Button>Save and continue</Button>
        </PostForm>
      </div>
    </div>
  );
}
