import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getOrganisation } from "~/domain/identity.server";
import { inviteColleague } from "~/domain/identity.server";
import { dispatchEmails } from "~/domain/notifications.server";
import { emailAddress, requiredText } from "~/forms/fields";
import { requireCurrent } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button, NotificationBanner, Table } from "~/ui/govuk/components";
import { TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = { title: (d: { organisation?: { name: string } }) => d?.organisation?.name ?? "Organisation" };

const schema = z.object({ name: requiredText("Enter their full name", 120), email: emailAddress("Enter their email address") });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCurrent(request, context);
  const data = await guard(getOrganisation(db(), actor, params.organisationId ?? ""));
  return json({ ...data, invited: new URL(request.url).searchParams.get("invited") });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCurrent(request, context);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  try {
    const { outboxIds } = await inviteColleague(db(), actor, { organisationId: params.organisationId ?? "", ...submission.value }, context.baseUrl);
    await dispatchEmails(outboxIds);
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect(`/account/organisations/${params.organisationId}?invited=${encodeURIComponent(submission.value.email)}`);
}

export default function Organisation() {
  const { organisation, members, pending, invited } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useGovukForm("invite-colleague", schema, lastResult);
  return (
    <>
      <BackLink to="/account" />
      {invited ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">Invitation sent to {invited}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary form={form} order={["name", "email"]} />
      <span className="govuk-caption-l">{organisation.kind === "producer" ? "Production company" : "Employer"}</span>
      <h1 className="govuk-heading-l">{organisation.name}</h1>
      <Table caption="Members" head={["Name", "Email address"]} rows={members.map((m) => [m.name, m.email])} />
      {pending.length ? <Table caption="Invitations not yet accepted" head={["Name", "Email address"]} rows={pending.map((p) => [p.name, p.email])} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Invite a colleague</h2>
          <PostForm form={getFormProps(form)}>
            <TextInput field={fields.name} label="Full name" autoComplete="off" spellCheck={false} />
            <TextInput field={fields.email} label="Email address" type="email" autoComplete="off" spellCheck={false} />
            <Button>Send invitation</Button>
          </PostForm>
        </div>
      </div>
    </>
  );
}
