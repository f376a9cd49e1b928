import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { isStaff } from "~/domain/identity/capabilities";
import { loadActor } from "~/domain/identity.server";
import { signIn } from "~/domain/identity.server";
import { dispatchEmails } from "~/domain/notifications.server";
import { anyPassword, emailAddress } from "~/forms/fields";
import { actorFor, getCurrent, landingPath } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { startSession } from "~/server/session.server";
import { Button, NotificationBanner } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Sign in" };

const schema = z.object({
  email: emailAddress(),
  password: anyPassword(),
  redirectTo: z.string().max(2000).optional(),
});

const BANNERS: Record<string, string> = {
  confirmed: "Your email address is confirmed. Sign in to continue.",
  reset: "Your password has been reset. Sign in with your new password.",
  expired: "You were signed out because you had not done anything for a while. Sign in again to continue.",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const current = await getCurrent(request, context);
  if (current) throw redirect(landingPath(current.actor, url.searchParams.get("redirectTo")));
  const banner = Object.keys(BANNERS).find((k) => url.searchParams.has(k));
  return json({ banner: banner ? BANNERS[banner] : null, redirectTo: url.searchParams.get("redirectTo") ?? "" });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission, ["password"]);
  try {
    const result = await signIn(db(), await actorFor(request, context), submission.value, context.baseUrl);
    if (result.status === "unconfirmed") {
      await dispatchEmails(result.outboxIds);
      return json({ ...submission.reply({ hideFields: ["password"] }), unconfirmed: submission.value.email });
    }
    const actor = await loadActor(db(), result.userId, context.ip);
    const cookie = await startSession(request, result.userId, { staff: isStaff(actor!), ip: context.ip });
    return redirect(landingPath(actor!, submission.value.redirectTo), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    return replyWithError(submission, error, ["password"]);
  }
}

export default function SignIn() {
  const { banner, redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useGovukForm("sign-in", schema, lastResult);
  const unconfirmed = lastResult && "unconfirmed" in lastResult ? String(lastResult.unconfirmed) : null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {banner ? <NotificationBanner success>{<p className="govuk-notification-banner__heading">{banner}</p>}</NotificationBanner> : null}
        {unconfirmed ? (
          <NotificationBanner title="Confirm your email address">
            <p className="govuk-notification-banner__heading">You need to confirm your email address before you can sign in.</p>
            <p className="govuk-body">We have sent a new link to {unconfirmed}. It works for 24 hours.</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary form={form} order={["email", "password"]} formErrorTarget="email" />
        <h1 className="govuk-heading-l">Sign in</h1>
        <PostForm form={getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput field={fields.email} label="Email address" type="email" autoComplete="email" spellCheck={false} />
          <TextInput field={fields.password} label="Password" type="password" autoComplete="current-password" />
          <Button>Sign in</Button>
        </PostForm>
        <p className="govuk-body">
          <Link className="govuk-link" to="/forgot-password">
            Forgotten your password?
          </Link>
        </p>
        <h2 className="govuk-heading-m">If you do not have an account</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to="/register">
            Create an account
          </Link>
          . Staff at councils and schools are invited by their council's administrator.
        </p>
      </div>
    </div>
  );
}
