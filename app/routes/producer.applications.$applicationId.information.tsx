import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getLicenceInformationRequest, replyToLicenceInformation } from "~/domain/licences-officer.server";
import { requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, submitForm } from "~/server/forms.server";
import { BackLink, Button, InsetText, Panel } from "~/ui/govuk/components";
import { Textarea } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";

export const handle = {
  title: (d: { sent?: boolean; application?: { reply: string | null } }) => (d?.sent && d.application?.reply ? "Reply sent" : "Reply to the council"),
};

const REPLY_MAX = 2000;
const schema = z.object({ reply: requiredText("Enter your reply", REPLY_MAX, `Your reply must be ${REPLY_MAX} characters or fewer`) });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const application = await guard(getLicenceInformationRequest(db(), actor, params.applicationId ?? ""));
  return json({ application, sent: new URL(request.url).searchParams.has("sent") });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  const id = params.applicationId ?? "";
  return submitForm(
    formData,
    schema,
    (v) => replyToLicenceInformation(db(), actor, id, v.reply),
    () => redirect(`/producer/applications/${id}/information?sent`),
  );
}

export default function ReplyToCouncil() {
  const { application: a, sent } = useLoaderData<typeof loader>();
  const [form, fields] = useGovukForm("reply", schema, useActionData<typeof action>());
  const back = <BackLink to={`/producer/productions/${a.production.id}`}>{a.production.title}</BackLink>;

  if (sent && a.reply) {
    return (
      <>
        {back}
        <Panel title="Reply sent">
          Application <strong>{a.reference}</strong>
        </Panel>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          {a.authorityName} will review the application for {a.childName} with your reply. You will be emailed when it has been decided.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/producer/productions/${a.production.id}`}>
            Back to {a.production.title}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      {back}
      <ErrorSummary form={form} order={["reply"]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">
            {a.childName}, {a.production.title} ({a.reference})
          </span>
          <h1 className="govuk-heading-l">Reply to the council</h1>
          {a.requested ? (
            <>
              <p className="govuk-body">{a.authorityName} asked:</p>
              <InsetText>
                <p className="govuk-body app-pre-line">{a.requested}</p>
              </InsetText>
            </>
          ) : null}
          {a.waiting ? (
            <PostForm form={getFormProps(form)}>
              <Textarea field={fields.reply} label="Your reply" hint="The licensing officer sees this with the application" rows={8} />
              <Button>Send reply</Button>
            </PostForm>
          ) : a.reply ? (
            <>
              <p className="govuk-body">You replied:</p>
              <InsetText>
                <p className="govuk-body app-pre-line">{a.reply}</p>
              </InsetText>
            </>
          ) : (
            <p className="govuk-body">{a.authorityName} is not waiting for more information about this application.</p>
          )}
        </div>
      </div>
    </>
  );
}
