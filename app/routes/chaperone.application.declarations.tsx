import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { detailsWhenYes, EVEN_WITH_OTHER_ERRORS, optionalText, yesNo, yesNoValue } from "~/forms/chaperone";
import { requireEditableApplication, saveSectionAction } from "~/server/chaperone-applicant.server";
import { Caption, QuestionPage, ReturnTo } from "~/ui/chaperones/QuestionPage";
import { Button } from "~/ui/govuk/components";
import { Checkboxes, Radios, Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Declarations" };

const schema = z
  .object({
    hasConvictions: yesNo("Select yes if you have any convictions or cautions"),
    convictionDetails: optionalText(2000, "Details must be 2000 characters or fewer"),
    hasOtherCouncilDecisions: yesNo("Select yes if another council has approved or refused you as a chaperone"),
    otherCouncilDetails: optionalText(2000, "Details must be 2000 characters or fewer"),
    declarationConfirmed: z.literal("yes", { error: "Confirm the information you have given is true" }),
  })
  .superRefine(detailsWhenYes("hasConvictions", "convictionDetails", "Give details of your convictions or cautions"), EVEN_WITH_OTHER_ERRORS)
  .superRefine(detailsWhenYes("hasOtherCouncilDecisions", "otherCouncilDetails", "Give details of the other councils' decisions"), EVEN_WITH_OTHER_ERRORS);

const ORDER = ["hasConvictions", "convictionDetails", "hasOtherCouncilDecisions", "otherCouncilDetails", "declarationConfirmed"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { application, returnTo } = await requireEditableApplication(request, context);
  const a = application.answers;
  return json({
    returnTo,
    saved: {
      hasConvictions: yesNoValue(a.hasConvictions),
      convictionDetails: a.convictionDetails,
      hasOtherCouncilDecisions: yesNoValue(a.hasOtherCouncilDecisions),
      otherCouncilDetails: a.otherCouncilDetails,
      declarationConfirmed: a.declarationConfirmed ? "yes" : undefined,
    },
  });
}

export const action = (args: ActionFunctionArgs) =>
  saveSectionAction(args, schema, (v) => ({
    section: "declarations",
    hasConvictions: v.hasConvictions === "yes",
    convictionDetails: v.convictionDetails,
    hasOtherCouncilDecisions: v.hasOtherCouncilDecisions === "yes",
    otherCouncilDetails: v.otherCouncilDetails,
    declarationConfirmed: v.declarationConfirmed === "yes",
  }));

export default function Declarations() {
  const { returnTo, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("declarations", schema, useActionData<typeof action>(), saved);
  return (
    <QuestionPage returnTo={returnTo}>
      <ErrorSummary form={form} order={ORDER} />
      <Caption />
      <h1 className="govuk-heading-l">Declarations</h1>
      <PostForm form={getFormProps(form)}>
        <ReturnTo returnTo={returnTo} />
        <Radios
          field={fields.hasConvictions}
          legend="Do you have any convictions, cautions, reprimands or warnings?"
          hint="Include any that are spent. Your DBS certificate will show them too"
          options={[
            {
              value: "yes",
              label: "Yes",
              conditional: <Textarea field={fields.convictionDetails} label="Give details, including dates" />,
            },
            { value: "no", label: "No" },
          ]}
        />
        <Radios
          field={fields.hasOtherCouncilDecisions}
          legend="Has another council ever approved or refused you as a chaperone?"
          options={[
            {
              value: "yes",
              label: "Yes",
              conditional: <Textarea field={fields.otherCouncilDetails} label="Which councils, when, and what did they decide?" />,
            },
            { value: "no", label: "No" },
          ]}
        />
        <Checkboxes
          field={fields.declarationConfirmed}
          legend="Declaration"
          hint="Giving false information may mean you are refused, or your approval is revoked"
          options={[{ value: "yes", label: "I confirm the information I have given is true" }]}
        />
        <Button>Save and continue</Button>
      </PostForm>
    </QuestionPage>
  );
}
