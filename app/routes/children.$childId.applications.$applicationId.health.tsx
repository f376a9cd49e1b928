
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PARENT_TEXT_MAX, saveParentSection } from "~/domain/licences-parent.server";
import { afterParentSave } from "~/domain/licences/parentSections";
import { detailsWhenYes, EVEN_WITH_OTHER_ERRORS, optionalText, yesNo, yesNoValue } from "~/forms/chaperone";
import { requireCapability } from "~/server/auth.server";
import { loadParentSection } from "~/server/parent-part.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { Radios, Textarea } from "~/ui/govuk/fields";
import { useGovukForm } from "~/ui/govuk/form";
import { ParentSectionPage } from "~/ui/licences/ParentSectionPage";

export const handle = {
  title: (data: { childFirstName?: string } | undefined) =>
    `Does ${data?.childFirstName ?? "the child"} have any health conditions or disabilities that might affect them performing?`,
};

const schema = z
  .object({
    hasHealthConditions: yesNo("Select yes if the child has any health conditions or disabilities that might affect them performing"),
    healthDetails: optionalText(PARENT_TEXT_MAX, `Details must be ${PARENT_TEXT_MAX} characters or fewer`),
  })
  .superRefine(detailsWhenYes("hasHealthConditions", "healthDetails", "Give details of the child's health conditions or disabilities"), EVEN_WITH_OTHER_ERRORS);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { part, page } = await loadParentSection(request, context, params);
  return json({
    ...page,
    saved: { hasHealthConditions: yesNoValue(part.answers.hasHealthConditions), healthDetails: part.answers.healthDetails ?? undefined },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  const v = submission.value;
  try {
    await saveParentSection(db(), actor, params.applicationId ?? "", { section: "health", hasHealthConditions: v.hasHealthConditions === "yes", healthDetails: v.healthDetails });
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect(`/children/${params.childId}/applications/${params.applicationId}${afterParentSave("health", formData)}`);
}

export default function Health() {
  const { base, returnTo, childFirstName, caption, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("health", schema, useActionData<typeof action>(), saved);
  return (
    <ParentSectionPage base={base} returnTo={returnTo} caption={caption} form={form} order={["hasHealthConditions", "healthDetails"]}>
      <Radios
        field={fields.hasHealthConditions}
        isPageHeading
        legend={`Does ${childFirstName} have any health conditions or disabilities that might affect them performing?`}
        hint="For example, asthma, epilepsy, diabetes, an allergy or a condition that affects how long they can concentrate. The council uses this to make sure they are looked after properly."
        options={[
          {
            value: "yes",
            label: "Yes",
            conditional: <Textarea field={fields.healthDetails} label="Give details, including any medicine and what the chaperone needs to know" />,
          },
          { value: "no", label: "No" },
        ]}
      />
    </ParentSectionPage>
  );
}
