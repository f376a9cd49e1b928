import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PARENT_TEXT_MAX, saveParentSection } from "~/domain/licences-parent.server";
import { afterParentSave } from "~/domain/licences/parentSections";
import { LICENCE_RULES } from "~/domain/licences/rules";
import { detailsWhenYes, EVEN_WITH_OTHER_ERRORS, optionalText, yesNo, yesNoValue } from "~/forms/chaperone";
import { requireCapability } from "~/server/auth.server";
import { loadParentSection } from "~/server/parent-part.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Radios, Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

const MONTHS = LICENCE_RULES["PERF-APP-OTHER"].months;
const question = (name: string) => `In the last ${MONTHS} months, has another council granted or refused a licence for ${name} to perform?`;

export const handle = { title: (data: { childFirstName?: string } | undefined) => question(data?.childFirstName ?? "the child") };

const schema = z
  .object({
    hasOtherCouncilDecisions: yesNo(`Select yes if another council has granted or refused a licence for the child in the last ${MONTHS} months`),
    otherCouncilDetails: optionalText(PARENT_TEXT_MAX, `Details must be ${PARENT_TEXT_MAX} characters or fewer`),
  })
  .superRefine(detailsWhenYes("hasOtherCouncilDecisions", "otherCouncilDetails", "Give details of the other councils' licences"), EVEN_WITH_OTHER_ERRORS);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { part, page } = await loadParentSection(request, context, params);
  return json({
    ...page,
    saved: { hasOtherCouncilDecisions: yesNoValue(part.answers.hasOtherCouncilDecisions), otherCouncilDetails: part.answers.otherCouncilDetails ?? undefined },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  const v = submission.value;
  try {
    await saveParentSection(db(), actor, params.applicationId ?? "", {
      section: "other-councils",
      hasOtherCouncilDecisions: v.hasOtherCouncilDecisions === "yes",
      otherCouncilDetails: v.otherCouncilDetails,
    });
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect(`/children/${params.childId}/applications/${params.applicationId}${afterParentSave("other-councils", formData)}`);
}

export default function OtherCouncils() {
  const { base, returnTo, childFirstName, caption, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("other-councils", schema, useActionData<typeof action>(), saved);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={returnTo ? `${base}/check` : base} />
        <ErrorSummary form={form} order={["hasOtherCouncilDecisions", "otherCouncilDetails"]} />
        <span className="govuk-caption-l">{caption}</span>
        <PostForm form={getFormProps(form)}>
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          <Radios
            field={fields.hasOtherCouncilDecisions}
            isPageHeading
            legend={question(childFirstName)}
            hint="Include licences for any performance, paid sport or modelling. Do not include this application."
            options={[
              {
                value: "yes",
                label: "Yes",
                conditional: <Textarea field={fields.otherCouncilDetails} label="Which councils, when, for what, and whether they granted or refused the licence" />,
              },
              { value: "no", label: "No" },
            ]}
          />
          <div className="govuk-button-group">
            <Button>Save and continue</Button>
            <Button secondary name="intent" value="later">
              Save and come back later
            </Button>
          </div>
        </PostForm>
      </div>
    </div>
  );
}
