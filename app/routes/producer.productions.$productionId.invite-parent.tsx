import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CHILD_RULES } from "~/domain/children/rules";
import { dispatchEmails } from "~/domain/notifications.server";
import { getProduction, inviteParent } from "~/domain/productions.server";
import { emailAddress, requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: "Ask a parent to add their child" };

const schema = z.object({
  email: emailAddress("Enter the parent's email address"),
  childName: requiredText("Enter the child's full name", 200, "The child's name must be 200 characters or fewer"),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const { production } = await guard(getProduction(db(), actor, params.productionId ?? ""));
  return json({ id: production.id, title: production.title });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  let outboxIds: string[];
  try {
    ({ outboxIds } = await inviteParent(db(), actor, params.productionId ?? "", submission.value, context.baseUrl));
  } catch (error) {
    return replyWithError(submission, error);
  }
  await dispatchEmails(outboxIds);
  return redirect(`/producer/productions/${params.productionId}?invited=1`);
}

export default function InviteParent() {
  const { id, title } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("invite-parent", schema, useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/producer/productions/${id}`}>{title}</BackLink>
        <ErrorSummary form={form} order={["email", "childName"]} />
        <span className="govuk-caption-l">{title}</span>
        <h1 className="govuk-heading-l">Ask a parent to add their child</h1>
        <p className="govuk-body">
          We will email the parent a link. When they sign in and choose their child, the child appears in this production. The link works for{" "}
          {CHILD_RULES.invitationDays.days} days.
        </p>
        <PostForm form={getFormProps(form)}>
          <TextInput field={fields.email} label="Parent's email address" type="email" autoComplete="off" spellCheck={false} />
          <TextInput field={fields.childName} label="Child's full name" hint="So the parent knows which child you mean" autoComplete="off" />
          <Button>Send invitation</Button>
        </PostForm>
      </div>
    </div>
  );
}
