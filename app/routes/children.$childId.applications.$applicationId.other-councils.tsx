
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
import { Radios, Textarea } from "~/ui/govuk/fields";
import { useGovukForm } from "~/ui/govuk/form";
import { ParentSectionPage } from "~/ui/licences/ParentSectionPage";

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
    <ParentSectionPage base={base} returnTo={returnTo} caption={caption} form={form} order={["hasOtherCouncilDecisions", "otherCouncilDetails"]}>
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
    </ParentSectionPage>
  );
}
