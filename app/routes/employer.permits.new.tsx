import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { startPermitApplication } from "~/domain/employment-employer.server";
import { listMemberships } from "~/domain/identity.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { Radios } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Apply for a child employment permit" };

const schema = z.object({ organisationId: z.string().optional() });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "employer:use");
  const organisations = (await listMemberships(db(), actor.userId!))
    .filter((m) => m.role === "employer" && m.organisationId)
    .map((m) => ({ id: m.organisationId!, name: m.organisationName ?? "" }));
  return json({ organisations: [...new Map(organisations.map((o) => [o.id, o])).values()] });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "employer:use");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  let permitId: string;
  try {
    ({ permitId } = await startPermitApplication(db(), actor, { as: "employer", organisationId: submission.value.organisationId }));
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect(`/employer/permits/${permitId}`);
}

export default function NewPermit() {
  const { organisations } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("start", schema, useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/employer">Child employment permits</BackLink>
        <ErrorSummary form={form} order={["organisationId"]} />
        <h1 className="govuk-heading-l">Apply for a child employment permit</h1>
        <p className="govuk-body">You apply to the council where the child will work. It is free. You will need:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>the address of the workplace</li>
          <li>what the child will do and the day they start</li>
          <li>the child's usual hours in term time and in the school holidays</li>
          <li>the name of the person who will supervise them</li>
          <li>a risk assessment for the child's work</li>
          <li>the email address of the child's parent or carer, who fills in their part and gives their consent</li>
        </ul>
        <p className="govuk-body">Apply within 7 days of the child starting work. You can save your answers and come back later.</p>
        <PostForm form={getFormProps(form)}>
          {organisations.length > 1 ? (
            <Radios
              field={fields.organisationId}
              legend="Which business will the child work for?"
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
          ) : null}
          <Button>Start application</Button>
        </PostForm>
      </div>
    </div>
  );
}
