import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { RuleError } from "~/domain/errors";
import { confirmEmail } from "~/domain/identity.server";
import { actorFor } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { readForm } from "~/server/forms.server";
import { Button } from "~/ui/govuk/components";
import { PostForm } from "~/ui/govuk/form";

export const handle = { title: "Confirm your email address" };

// Confirming is a POST, so link scanners that open the email's link don't use it up.
export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  try {
    await confirmEmail(db(), await actorFor(request, context), params.token ?? "");
  } catch (error) {
    if (error instanceof RuleError) return json({ error: error.fieldErrors[""][0] }, { status: 400 });
    throw error;
  }
  return redirect("/sign-in?confirmed=1");
}

export default function ConfirmEmailPage() {
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {result?.error ? (
          <>
            <h1 className="govuk-heading-l">This link has expired</h1>
            <p className="govuk-body">{result.error}.</p>
            <p className="govuk-body">
              <a className="govuk-link" href="/sign-in">
                Sign in
              </a>
            </p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">Confirm your email address</h1>
            <p className="govuk-body">Confirm your email address to finish creating your account.</p>
            <PostForm>
              <Button>Confirm email address</Button>
            </PostForm>
          </>
        )}
      </div>
    </div>
  );
}
