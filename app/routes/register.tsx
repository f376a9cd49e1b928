import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { PUBLIC_ROLES } from "#db/schema/roles";
import { registerAccount } from "~/domain/identity.server";
import { dispatchEmails } from "~/domain/notifications.server";
import { emailAddress, newPassword, requiredText, withConfirmation } from "~/forms/fields";
import { actorFor } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { Button } from "~/ui/govuk/components";
import { Checkboxes, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Create an account" };

const schema = withConfirmation(
  z.object({
    name: requiredText("Enter your full name", 120, "Full name must be 120 characters or fewer"),
    email: emailAddress(),
    password: newPassword(),
    confirmPassword: z.string({ error: "Confirm your password" }),
    roles: z.array(z.enum(PUBLIC_ROLES), { error: "Select what you will use the service for" }).min(1, { error: "Select what you will use the service for" }),
    organisationName: z.string().trim().max(200, { error: "Organisation name must be 200 characters or fewer" }).optional(),
  }),
);

const ORDER = ["name", "email", "password", "confirmPassword", "roles", "organisationName"];
const HIDE = ["password", "confirmPassword"];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission, HIDE);
  try {
    const { outboxIds } = await registerAccount(db(), await actorFor(request, context), submission.value, context.baseUrl);
    await dispatchEmails(outboxIds);
  } catch (error) {
    return replyWithError(submission, error, HIDE);
  }
  return redirect(`/register/check-email?email=${encodeURIComponent(submission.value.email)}`);
}

export default function Register() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useGovukForm("register", schema, lastResult);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary form={form} order={ORDER} />
        <h1 className="govuk-heading-l">Create an account</h1>
        <p className="govuk-body">
          If you already have an account,{" "}
          <Link className="govuk-link" to="/sign-in">
            sign in
          </Link>
          .
        </p>
        <PostForm form={getFormProps(form)}>
          <TextInput field={fields.name} label="Full name" autoComplete="name" spellCheck={false} />
          <TextInput field={fields.email} label="Email address" hint="We will send you a link to confirm it" type="email" autoComplete="email" spellCheck={false} />
          <TextInput field={fields.password} label="Create a password" hint="Use 10 characters or more. A few unrelated words is a good choice" type="password" autoComplete="new-password" />
          <TextInput field={fields.confirmPassword} label="Confirm your password" type="password" autoComplete="new-password" />
          <Checkboxes
            field={fields.roles}
            legend="What will you use the service for?"
            hint="Select all that apply. You can add more later"
            options={[
              { value: "parent", label: "Applying for a child of mine", hint: "Licences for performances and permits for part-time work" },
              { value: "producer", label: "Producing performances with children", hint: "Theatre, film, television, modelling, paid sport and other productions" },
              { value: "employer", label: "Employing children part-time", hint: "For example, a newspaper round or a Saturday job" },
              { value: "chaperone", label: "Working as a chaperone" },
            ]}
          />
          <TextInput
            field={fields.organisationName}
            label="Organisation name (if you are a producer or employer)"
            hint="The company or group you produce or employ for. Colleagues can join it later"
            autoComplete="organization"
          />
          <Button>Create account</Button>
        </PostForm>
      </div>
    </div>
  );
}
