import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";
import { addSchool } from "~/domain/schools.server";
import { emailAddress, requiredText } from "~/forms/fields";
import { requireAdmin } from "~/server/admin.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Add a school" };

const schema = z.object({
  name: requiredText("Enter the school's name", 200),
  urn: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: "URN must be 6 digits, like 100000" })
    .optional(),
  postcode: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/, { error: "Enter a real postcode, like NM1 2AB" })
    .optional(),
  email: emailAddress().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor, authorityId } = await requireAdmin(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  try {
    const school = await addSchool(db(), actor, { ...submission.value, authorityId });
    return redirect(`/admin?schoolAdded=${encodeURIComponent(school.name)}`);
  } catch (error) {
    return replyWithError(submission, error);
  }
}

export default function AddSchool() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useGovukForm("add-school", schema, lastResult);
  return (
    <>
      <BackLink to="/admin" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary form={form} order={["name", "urn", "postcode", "email"]} />
          <h1 className="govuk-heading-l">Add a school</h1>
          <PostForm form={getFormProps(form)}>
            <TextInput field={fields.name} label="School name" />
            <TextInput field={fields.urn} label="Unique reference number (URN) (optional)" hint="6 digits, from Get Information about Schools" width="10" inputMode="numeric" />
            <TextInput field={fields.postcode} label="Postcode (optional)" width="10" autoComplete="off" />
            <TextInput
              field={fields.email}
              label="School office email address (optional)"
              hint="Where we ask the head teacher about a child's absence when no one from the school has an account"
              type="email"
              autoComplete="off"
              spellCheck={false}
            />
            <Button>Add school</Button>
          </PostForm>
        </div>
      </div>
    </>
  );
}
