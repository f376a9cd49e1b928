
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listSchoolChoices } from "~/domain/children.server";
import { EDUCATED_AT_HOME } from "~/domain/children/rules";
import { saveParentSection } from "~/domain/licences-parent.server";
import { afterParentSave } from "~/domain/licences/parentSections";
import { EVEN_WITH_OTHER_ERRORS, optionalText } from "~/forms/chaperone";
import { requireCapability } from "~/server/auth.server";
import { loadParentSection } from "~/server/parent-part.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { useGovukForm } from "~/ui/govuk/form";
import { SchoolRadios } from "~/ui/children/SchoolRadios";
import { ParentSectionPage } from "~/ui/licences/ParentSectionPage";

export const handle = { title: (data: { childFirstName?: string } | undefined) => `Where does ${data?.childFirstName ?? "the child"} go to school?` };

const schema = z
  .object({
    school: z.enum(["listed", "not-listed", "home"], { error: "Select where the child goes to school" }),
    schoolId: z.string().optional(),
    schoolName: optionalText(200, "School name must be 200 characters or fewer"),
  })
  .superRefine((value, ctx) => {
    if (value.school === "listed" && !value.schoolId) ctx.addIssue({ code: "custom", path: ["schoolId"], message: "Select the child's school" });
    if (value.school === "not-listed" && !value.schoolName) ctx.addIssue({ code: "custom", path: ["schoolName"], message: "Enter the name of the child's school" });
  }, EVEN_WITH_OTHER_ERRORS);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { part, page } = await loadParentSection(request, context, params);
  const s = part.school;
  return json({
    ...page,
    fromProfile: s.fromProfile && !!s.choice,
    schools: await listSchoolChoices(db()),
    saved: { school: s.choice, schoolId: s.schoolId ?? undefined, schoolName: s.schoolName && s.schoolName !== EDUCATED_AT_HOME ? s.schoolName : undefined },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "parent:use");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  const v = submission.value;
  try {
    await saveParentSection(db(), actor, params.applicationId ?? "", { section: "school", school: v.school, schoolId: v.schoolId, schoolName: v.schoolName });
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect(`/children/${params.childId}/applications/${params.applicationId}${afterParentSave("school", formData)}`);
}

export default function School() {
  const { base, returnTo, childFirstName, caption, fromProfile, schools, saved } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("school", schema, useActionData<typeof action>(), saved);
  return (
    <ParentSectionPage base={base} returnTo={returnTo} caption={caption} form={form} order={["school", "schoolId", "schoolName"]}>
      <SchoolRadios
        fields={fields}
        schools={schools}
        isPageHeading
        legend={`Where does ${childFirstName} go to school?`}
        hint={fromProfile ? `We have filled this in from ${childFirstName}'s details. Change it if it is not right.` : undefined}
      />
    </ParentSectionPage>
  );
}
