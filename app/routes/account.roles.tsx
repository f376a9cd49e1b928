import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PUBLIC_ROLES } from "#db/schema/roles";
import { addPublicRoles } from "~/domain/identity.server";
import { requireCurrent } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Checkboxes, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Add a role" };

const schema = z.object({
  roles: z.array(z.enum(PUBLIC_ROLES), { error: "Select a role to add" }).min(1, { error: "Select a role to add" }),
  organisationName: z.string().trim().max(200, { error: "Organisation name must be 200 characters or fewer" }).optional(),
});

const OPTIONS = [
  { value: "parent", label: "Applying for a child of mine" },
  { value: "producer", label: "Producing performances with children" },
  { value: "employer", label: "Employing children part-time" },
  { value: "chaperone", label: "Working as a chaperone" },
] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCurrent(request, context);
  const held = new Set(actor.memberships.map((m) => m.role));
  return json({ available: OPTIONS.filter((o) => !held.has(o.value)).map((o) => o.value) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCurrent(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await addPublicRoles(db(), actor, submission.value);
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect("/account?rolesAdded=1");
}

export default function AddRole() {
  const { available } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useGovukForm("add-role", schema, lastResult);
  return (
    <>
      <BackLink to="/account" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary form={form} order={["roles", "organisationName"]} />
          {available.length ? (
            <PostForm form={getFormProps(form)}>
              <Checkboxes
                field={fields.roles}
                legend="What else will you use the service for?"
                isPageHeading
                hint="Select all that apply"
                options={OPTIONS.filter((o) => available.includes(o.value)).map((o) => ({ value: o.value, label: o.label }))}
              />
              {available.includes("producer") || available.includes("employer") ? (
                <TextInput field={fields.organisationName} label="Organisation name (if you are adding producer or employer)" autoComplete="organization" />
              ) : null}
              <Button>Add role</Button>
            </PostForm>
          ) : (
            <>
              <h1 className="govuk-heading-l">Add a role</h1>
              <p className="govuk-body">You already have every role you can choose. Council and school roles come by invitation from the council.</p>
            </>
          )}
        </div>
      </div>
    </>
  );
}
