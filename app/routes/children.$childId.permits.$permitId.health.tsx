import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { saveParentPermitPart } from "~/domain/employment-parent.server";
import { detailsWhenYes, EVEN_WITH_OTHER_ERRORS, optionalText, yesNo, yesNoValue } from "~/forms/chaperone";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { readForm, submitForm } from "~/server/forms.server";
import { cameFromCheck, loadParentPermit } from "~/server/permit-application.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Radios, Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = {
  title: (d: { childFirstName?: string } | undefined) => `Does ${d?.childFirstName ?? "the child"} have any health conditions or disabilities that might affect them at work?`,
};

const schema = z
  .object({
    hasHealthConditions: yesNo("Select yes if the child has any health conditions or disabilities that might affect them at work"),
    healthDetails: optionalText(1000, "Details must be 1000 characters or fewer"),
  })
  .superRefine(detailsWhenYes("hasHealthConditions", "healthDetails", "Give details of the child's health conditions or disabilities"), EVEN_WITH_OTHER_ERRORS);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, base, child } = await loadParentPermit(request, context, params, { editable: true });
  return json({
    back: cameFromCheck(request) ? `${base}/check` : base,
    childFirstName: child.firstName,
    caption: `${child.name}: work permit`,
    saved: { hasHealthConditions: yesNoValue(view.parent.hasHealthConditions), healthDetails: view.parent.healthDetails ?? undefined },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  const base = `/children/${params.childId}/permits/${params.permitId}`;
  return submitForm(
    formData,
    schema,
    (v) => saveParentPermitPart(db(), actor, params.permitId ?? "", { section: "health", hasHealthConditions: v.hasHealthConditions === "yes", healthDetails: v.healthDetails }),
    () => redirect(cameFromCheck(request) ? `${base}/check` : `${base}/consent`),
  );
}

export default function PermitHealth() {
  const { back, childFirstName, caption, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("health", schema, useActionData<typeof action>(), saved);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back} />
        <ErrorSummary form={form} order={["hasHealthConditions", "healthDetails"]} />
        <span className="govuk-caption-l">{caption}</span>
        <PostForm form={getFormProps(form)}>
          <Radios
            field={fields.hasHealthConditions}
            isPageHeading
            legend={`Does ${childFirstName} have any health conditions or disabilities that might affect them at work?`}
            hint="For example, asthma, epilepsy, diabetes or an allergy. The council uses this to decide whether the job is suitable."
            options={[
              { value: "yes", label: "Yes", conditional: <Textarea field={fields.healthDetails} label="Give details, including anything the employer needs to know" /> },
              { value: "no", label: "No" },
            ]}
          />
          <Button>Save and continue</Button>
        </PostForm>
      </div>
    </div>
  );
}
