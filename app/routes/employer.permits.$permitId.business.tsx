import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { saveEmployerPart } from "~/domain/employment-employer.server";
import { requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { readForm, submitForm } from "~/server/forms.server";
import { cameFromCheck, loadEmployerPermit } from "~/server/permit-application.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Textarea, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Business and workplace" };

const schema = z.object({
  businessName: requiredText("Enter the name of the business", 200, "The business name must be 200 characters or fewer"),
  workplaceAddress: requiredText("Enter the address where the child will work", 500, "The address must be 500 characters or fewer"),
  workplacePostcode: requiredText("Enter the postcode of the workplace", 10, "Enter a full UK postcode, like NM2 3CD"),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, base } = await loadEmployerPermit(request, context, params, { editable: true });
  const e = view.employer;
  return json({
    base,
    back: cameFromCheck(request) ? `${base}/submit` : base,
    saved: { businessName: e.businessName ?? undefined, workplaceAddress: e.workplaceAddress ?? undefined, workplacePostcode: e.workplacePostcode ?? undefined },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "employer:use");
  const base = `/employer/permits/${params.permitId}`;
  return submitForm(
    formData,
    schema,
    (v) => saveEmployerPart(db(), actor, params.permitId ?? "", { section: "business", ...v }),
    () => redirect(cameFromCheck(request) ? `${base}/submit` : `${base}/job`),
  );
}

export default function Business() {
  const { back, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("business", schema, useActionData<typeof action>(), saved);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back} />
        <ErrorSummary form={form} order={["businessName", "workplaceAddress", "workplacePostcode"]} />
        <span className="govuk-caption-l">Employment permit application</span>
        <h1 className="govuk-heading-l">Business and workplace</h1>
        <PostForm form={getFormProps(form)}>
          <TextInput field={fields.businessName} label="Name of the business" hint="As it will appear on the permit" autoComplete="organization" />
          <Textarea field={fields.workplaceAddress} label="Address where the child will work" hint="For a delivery round, the address the round starts from" rows={3} />
          <TextInput
            field={fields.workplacePostcode}
            label="Postcode of the workplace"
            hint="The council for this postcode decides the application"
            width="10"
            autoComplete="postal-code"
          />
          <Button>Save and continue</Button>
        </PostForm>
      </div>
    </div>
  );
}
