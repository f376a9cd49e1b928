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
import { Checkboxes, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Supervision and risk assessment" };

const CONFIRM = "Confirm you have done a risk assessment for the child's work";
const schema = z.object({
  supervisorName: requiredText("Enter the name of the person who will supervise the child", 200, "The name must be 200 characters or fewer"),
  riskAssessment: z.array(z.literal("confirmed"), { error: CONFIRM }).min(1, { error: CONFIRM }),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, base } = await loadEmployerPermit(request, context, params, { editable: true });
  const e = view.employer;
  return json({
    back: cameFromCheck(request) ? `${base}/submit` : base,
    saved: { supervisorName: e.supervisorName ?? undefined, riskAssessment: e.riskAssessmentConfirmed ? ["confirmed"] : undefined },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "employer:use");
  const base = `/employer/permits/${params.permitId}`;
  return submitForm(
    formData,
    schema,
    (v) => saveEmployerPart(db(), actor, params.permitId ?? "", { section: "supervision", supervisorName: v.supervisorName, riskAssessmentConfirmed: v.riskAssessment.length > 0 }),
    () => redirect(cameFromCheck(request) ? `${base}/submit` : `${base}?saved=supervision`),
  );
}

export default function Supervision() {
  const { back, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("supervision", schema, useActionData<typeof action>(), saved);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back} />
        <ErrorSummary form={form} order={["supervisorName", "riskAssessment"]} />
        <span className="govuk-caption-l">Employment permit application</span>
        <h1 className="govuk-heading-l">Supervision and risk assessment</h1>
        <PostForm form={getFormProps(form)}>
          <TextInput field={fields.supervisorName} label="Who will supervise the child?" hint="The full name of the adult responsible for the child at work" autoComplete="off" />
          <Checkboxes
            field={fields.riskAssessment}
            legend="Risk assessment"
            hint="Employers must assess the risks of the work to a young person before they start, taking account of their age and inexperience, and tell the parent what they found."
            options={[{ value: "confirmed", label: "I confirm we have done a risk assessment for the child's work and told the parent the results" }]}
          />
          <Button>Save and continue</Button>
        </PostForm>
      </div>
    </div>
  );
}
