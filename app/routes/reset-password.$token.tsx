import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EXPIRED_LINK } from "~/domain/identity/messages";
import { isResetLinkLive, resetPassword } from "~/domain/identity.server";
import { newPassword, withConfirmation } from "~/forms/fields";
import { actorFor } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { endSession } from "~/server/session.server";
import { Button } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Choose a new password" };

const schema = withConfirmation(
  z.object({ password: newPassword("Enter a new password"), confirmPassword: z.string({ error: "Confirm your new password" }) }),
);
const HIDE = ["password", "confirmPassword"];

export async function loader({ params }: LoaderFunctionArgs) {
  return json({ live: await isResetLinkLive(db(), params.token ?? "") });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission, HIDE);
  try {
    await resetPassword(db(), await actorFor(request, context), params.token ?? "", submission.value.password);
  } catch (error) {
    return replyWithError(submission, error, HIDE);
  }
  return redirect("/sign-in?reset=1", { headers: { "Set-Cookie": await endSession(request) } });
}

export default function ResetPassword() {
  const { live } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useGovukForm("reset-password", schema, lastResult);
  if (!live) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This link has expired</h1>
          <p className="govuk-body">{EXPIRED_LINK}.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/forgot-password">
              Get a new link
            </Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary form={form} order={["password", "confirmPassword"]} />
        <h1 className="govuk-heading-l">Choose a new password</h1>
        <PostForm form={getFormProps(form)}>
          <TextInput field={fields.password} label="New password" hint="Use 10 characters or more. A few unrelated words is a good choice" type="password" autoComplete="new-password" />
          <TextInput field={fields.confirmPassword} label="Confirm new password" type="password" autoComplete="new-password" />
          <Button>Reset password</Button>
        </PostForm>
      </div>
    </div>
  );
}
