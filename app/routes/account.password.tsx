import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";
import { changePassword } from "~/domain/identity.server";
import { anyPassword, newPassword, withConfirmation } from "~/forms/fields";
import { requireCurrent } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Change your password" };

const schema = withConfirmation(
  z.object({
    currentPassword: anyPassword("Enter your current password"),
    password: newPassword("Enter a new password"),
    confirmPassword: z.string({ error: "Confirm your new password" }),
  }),
);
const HIDE = ["currentPassword", "password", "confirmPassword"];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor, session } = await requireCurrent(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission, HIDE);
  try {
    await changePassword(db(), actor, session.id, { currentPassword: submission.value.currentPassword, newPassword: submission.value.password });
  } catch (error) {
    return replyWithError(submission, error, HIDE);
  }
  return redirect("/account?passwordChanged=1");
}

export default function ChangePassword() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useGovukForm("change-password", schema, lastResult);
  return (
    <>
      <BackLink to="/account" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary form={form} order={["currentPassword", "password", "confirmPassword"]} />
          <h1 className="govuk-heading-l">Change your password</h1>
          <PostForm form={getFormProps(form)}>
            <TextInput field={fields.currentPassword} label="Current password" type="password" autoComplete="current-password" />
            <TextInput field={fields.password} label="New password" hint="Use 10 characters or more" type="password" autoComplete="new-password" />
            <TextInput field={fields.confirmPassword} label="Confirm new password" type="password" autoComplete="new-password" />
            <Button>Change password</Button>
          </PostForm>
        </div>
      </div>
    </>
  );
}
