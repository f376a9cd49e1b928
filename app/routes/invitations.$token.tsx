import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EXPIRED_INVITATION } from "~/domain/identity/messages";
import { acceptInvitation, describeInvitation } from "~/domain/identity.server";
import { isStaff, ROLE_LABELS } from "~/domain/identity/capabilities";
import { loadActor } from "~/domain/identity.server";
import { newPassword, withConfirmation } from "~/forms/fields";
import { actorFor, getCurrent, landingPath } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { startSession } from "~/server/session.server";
import { Button } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Accept your invitation" };

const newAccountSchema = withConfirmation(z.object({ password: newPassword("Create a password"), confirmPassword: z.string({ error: "Confirm your password" }) }));
const HIDE = ["password", "confirmPassword"];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const invitation = await describeInvitation(db(), params.token ?? "");
  if (!invitation) return json({ invitation: null, signedInAsInvitee: false, path: "" });
  const current = await getCurrent(request, context);
  return json({
    invitation: { email: invitation.email, name: invitation.name, role: ROLE_LABELS[invitation.role], accountExists: invitation.accountExists },
    signedInAsInvitee: !!current && current.actor.userId === invitation.accountId,
    path: new URL(request.url).pathname,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await readForm(request, context);
  const invitation = await describeInvitation(db(), token);
  const submission = parseWithZod(formData, { schema: invitation?.accountExists ? z.object({}) : newAccountSchema });
  if (submission.status !== "success") return invalid(submission, HIDE);
  try {
    const actor = await actorFor(request, context);
    const value = submission.value as { password?: string };
    const result = await acceptInvitation(db(), actor, token, value.password ? { password: value.password } : undefined);
    const signedIn = await loadActor(db(), result.userId, context.ip);
    const cookie = await startSession(request, result.userId, { staff: isStaff(signedIn!), ip: context.ip });
    return redirect(landingPath(signedIn!), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    return replyWithError(submission, error, HIDE);
  }
}

export default function AcceptInvitation() {
  const { invitation, signedInAsInvitee, path } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useGovukForm("accept-invitation", invitation?.accountExists ? z.object({}) : newAccountSchema, lastResult);
  if (!invitation) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This invitation has expired</h1>
          <p className="govuk-body">{EXPIRED_INVITATION}.</p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary form={form} order={["password", "confirmPassword"]} />
        <h1 className="govuk-heading-l">Accept your invitation</h1>
        <p className="govuk-body">
          You have been invited to use the child licensing service as: <strong>{invitation.role}</strong>.
        </p>
        {invitation.accountExists && !signedInAsInvitee ? (
          <p className="govuk-body">
            You already have an account with {invitation.email}.{" "}
            <Link className="govuk-link" to={`/sign-in?redirectTo=${encodeURIComponent(path)}`}>
              Sign in to accept the invitation
            </Link>
            .
          </p>
        ) : (
          <PostForm form={getFormProps(form)}>
            {invitation.accountExists ? null : (
              <>
                <p className="govuk-body">
                  Your account will use the email address <strong>{invitation.email}</strong> and the name {invitation.name}.
                </p>
                <TextInput field={fields.password} label="Create a password" hint="Use 10 characters or more. A few unrelated words is a good choice" type="password" autoComplete="new-password" />
                <TextInput field={fields.confirmPassword} label="Confirm your password" type="password" autoComplete="new-password" />
              </>
            )}
            <Button>Accept invitation</Button>
          </PostForm>
        )}
      </div>
    </div>
  );
}
