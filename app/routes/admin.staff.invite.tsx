import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { STAFF_ROLES } from "#db/schema/roles";
import { inviteStaff } from "~/domain/identity.server";
import { listStaff } from "~/domain/identity.server";
import { dispatchEmails } from "~/domain/notifications.server";
import { emailAddress, requiredText } from "~/forms/fields";
import { requireAdmin } from "~/server/admin.server";
import { db } from "~/server/db.server";
import { guard, invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Radios, Select, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Invite a member of staff" };

const schema = z
  .object({
    name: requiredText("Enter their full name", 120),
    email: emailAddress("Enter their email address"),
    role: z.enum(STAFF_ROLES, { error: "Select their role" }),
    schoolId: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role === "school" && !v.schoolId) ctx.addIssue({ code: "custom", path: ["schoolId"], message: "Select their school" });
  });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, authorityId } = await requireAdmin(request, context);
  const { schools, authority } = await guard(listStaff(db(), actor, authorityId));
  return json({ schools, authorityName: authority.name });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor, authorityId } = await requireAdmin(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  try {
    const { outboxIds } = await inviteStaff(db(), actor, { ...submission.value, authorityId }, context.baseUrl);
    await dispatchEmails(outboxIds);
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect(`/admin?invited=${encodeURIComponent(submission.value.email)}`);
}

export default function InviteStaff() {
  const { schools, authorityName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useGovukForm("invite-staff", schema, lastResult);
  return (
    <>
      <BackLink to="/admin" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary form={form} order={["name", "email", "role", "schoolId"]} />
          <span className="govuk-caption-l">{authorityName}</span>
          <h1 className="govuk-heading-l">Invite a member of staff</h1>
          <PostForm form={getFormProps(form)}>
            <TextInput field={fields.name} label="Full name" autoComplete="off" spellCheck={false} />
            <TextInput field={fields.email} label="Email address" hint="We will email them a link to accept the invitation. It works for 7 days" type="email" autoComplete="off" spellCheck={false} />
            <Radios
              field={fields.role}
              legend="Role"
              options={[
                { value: "officer", label: "Licensing officer", hint: "Decides licences, permits, chaperone approvals and BOPAs" },
                { value: "lado", label: "LADO", hint: "Sees and manages referrals about adults who work with children" },
                { value: "admin", label: "Administrator", hint: "Manages staff, schools and local settings" },
                {
                  value: "school",
                  label: "School contact",
                  hint: "Answers the council's questions about pupils' absence",
                  conditional: <Select field={fields.schoolId} label="School" options={[{ value: "", label: "Select a school" }, ...schools.map((s) => ({ value: s.id, label: s.name }))]} />,
                },
              ]}
            />
            <Button>Send invitation</Button>
          </PostForm>
        </div>
      </div>
    </>
  );
}
