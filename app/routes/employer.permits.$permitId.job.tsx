import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { saveEmployerPart } from "~/domain/employment-employer.server";
import { OCCUPATIONS } from "~/domain/employment/rules";
import { dateFields, EVEN_WITH_OTHER_ERRORS, isoDate } from "~/forms/chaperone";
import { dateParts, requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { readForm, submitForm } from "~/server/forms.server";
import { cameFromCheck, loadEmployerPermit } from "~/server/permit-application.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { DateInput, Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";
import { OccupationRadios } from "~/ui/permit-application/OccupationRadios";

export const handle = { title: "The job" };

const LABEL = "date the child starts work";
const schema = z
  .object({
    occupation: z.enum(OCCUPATIONS, { error: "Select the kind of work the child will do" }),
    jobDescription: requiredText("Describe what the child will do", 1000, "The description must be 1000 characters or fewer"),
    startDateDay: z.string().optional(),
    startDateMonth: z.string().optional(),
    startDateYear: z.string().optional(),
  })
  .superRefine(dateParts("startDate", LABEL), EVEN_WITH_OTHER_ERRORS);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, base } = await loadEmployerPermit(request, context, params, { editable: true });
  const e = view.employer;
  return json({
    back: cameFromCheck(request) ? `${base}/submit` : base,
    saved: { occupation: e.occupation ?? undefined, jobDescription: e.jobDescription ?? undefined, ...dateFields("startDate", e.startDate) },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "employer:use");
  const base = `/employer/permits/${params.permitId}`;
  return submitForm(
    formData,
    schema,
    (v) => saveEmployerPart(db(), actor, params.permitId ?? "", { section: "job", occupation: v.occupation, jobDescription: v.jobDescription, startDate: isoDate(v, "startDate", LABEL) }),
    () => redirect(cameFromCheck(request) ? `${base}/submit` : `${base}/hours/term`),
  );
}

export default function Job() {
  const { back, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("job", schema, useActionData<typeof action>(), saved);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back} />
        <ErrorSummary form={form} order={["occupation", "jobDescription", "startDateDay"]} />
        <span className="govuk-caption-l">Employment permit application</span>
        <h1 className="govuk-heading-l">The job</h1>
        <PostForm form={getFormProps(form)}>
          <OccupationRadios field={fields.occupation} legend="What kind of work will the child do?" />
          <Textarea field={fields.jobDescription} label="Describe what the child will do" hint="For example, delivering newspapers on a round of about 40 houses" rows={4} />
          <DateInput
            id="startDate"
            legend="When does the child start, or when did they start?"
            hint="Apply within 7 days of the child starting. For example, 4 1 2027"
            day={fields.startDateDay}
            month={fields.startDateMonth}
            year={fields.startDateYear}
          />
          <Button>Save and continue</Button>
        </PostForm>
      </div>
    </div>
  );
}
