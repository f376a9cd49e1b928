import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";
import { requestPasswordReset } from "~/domain/identity.server";
import { dispatchEmails } from "~/domain/notifications.server";
import { emailAddress } from "~/forms/fields";
import { actorFor } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Reset your password" };

const schema = z.object({ email: emailAddress() });

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  const { outboxIds } = await requestPasswordReset(db(), await actorFor(request, context), submission.value.email, context.baseUrl);
  await dispatchEmails(outboxIds);
  return redirect(`/forgot-password/sent?email=${encodeURIComponent(submission.value.email)}`);
}

export default function ForgotPassword() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useGovukForm("forgot-password", schema, lastResult);
  return (
    <>
      <BackLink to="/sign-in" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary form={form} order={["email"]} />
          <h1 className="govuk-heading-l">Reset your password</h1>
          <p className="govuk-body">Enter the email address you use to sign in. We will send you a link to choose a new password.</p>
          <PostForm form={getFormProps(form)}>
            <TextInput field={fields.email} label="Email address" type="email" autoComplete="email" spellCheck={false} />
            <Button>Send reset link</Button>
          </PostForm>
        </div>
      </div>
    </>
  );
}
