import { formatDate } from "~/domain/calendar/dates";
import { HoldNotice } from "~/ui/safeguarding/HoldNotice";
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { changeDocumentStatus, getDocument, varyDocument } from "~/domain/documents.server";
import { dispatchEmails } from "~/domain/notifications.server";
import { dateParts, parseDateParts, requiredText } from "~/forms/fields";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, invalid, readForm, replyWithError } from "~/server/forms.server";
import { BackLink, Button, NotificationBanner, SummaryList } from "~/ui/govuk/components";
import { DateInput, Radios, TextInput } from "~/ui/govuk/fields";
import { ErrorSummary, PostForm, useGovukForm } from "~/ui/govuk/form";
import { RecordHistory } from "~/ui/history/RecordHistory";

export const handle = { title: (d: { document?: { reference: string } }) => d?.document?.reference ?? "Document" };

const schema = z.object({
  action: z.enum(["suspend", "reinstate", "revoke"], { error: "Select what you want to do" }),
  reason: requiredText("Enter the reason, which is sent to the holder", 1000),
});

const varySchema = z
  .object({
    validToDay: z.string().optional(),
    validToMonth: z.string().optional(),
    validToYear: z.string().optional(),
    change: requiredText("Enter what has changed", 500),
  })
  .superRefine(dateParts("validTo", "new end date"));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "officer:use");
  const document = await guard(getDocument(db(), actor, params.reference ?? ""));
  const url = new URL(request.url);
  return json({ document, changed: url.searchParams.get("changed"), varied: url.searchParams.get("varied") });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "officer:use");
  if (formData.get("intent") === "vary") {
    const submission = parseWithZod(formData, { schema: varySchema });
    if (submission.status !== "success") return invalid(submission);
    try {
      const { validToDay, validToMonth, validToYear, change } = submission.value;
      const validTo = parseDateParts(validToDay, validToMonth, validToYear, "new end date") as { iso: string };
      const varied = await varyDocument(db(), actor, params.reference ?? "", { validTo: validTo.iso, reason: change }, context.baseUrl);
      return redirect(`/officer/documents/${varied.reference}?varied=${params.reference}`);
    } catch (error) {
      return replyWithError(submission, error);
    }
  }
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission);
  try {
    const { outboxIds } = await changeDocumentStatus(db(), actor, params.reference ?? "", submission.value.action, submission.value.reason, context.baseUrl);
    await dispatchEmails(outboxIds);
  } catch (error) {
    return replyWithError(submission, error);
  }
  return redirect(`/officer/documents/${params.reference}?changed=${submission.value.action}`);
}

const ACTIONS = {
  valid: [
    { value: "suspend", label: "Suspend it", hint: "For example, while a concern is looked into. You can reinstate it later" },
    { value: "revoke", label: "Revoke it", hint: "It will never be valid again" },
  ],
  suspended: [
    { value: "reinstate", label: "Reinstate it" },
    { value: "revoke", label: "Revoke it", hint: "It will never be valid again" },
  ],
} as const;

export default function OfficerDocument() {
  const { document, changed, varied } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const isVary = (lastResult?.initialValue as { intent?: string } | undefined)?.intent === "vary";
  const [form, fields] = useGovukForm("change-status", schema, isVary ? undefined : lastResult);
  const [varyForm, varyFields] = useGovukForm("vary", varySchema, isVary ? lastResult : undefined);
  const options = ACTIONS[document.status as keyof typeof ACTIONS];
  return (
    <>
      <BackLink to="/officer/documents" />
      {changed ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">
            {document.reference} is now {document.statusLabel.toLowerCase()}. The holder has been emailed.
          </p>
        </NotificationBanner>
      ) : null}
      {varied ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">
            {document.reference} replaces {varied}, which now shows as replaced.
          </p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary form={form} order={["action", "reason"]} />
      <ErrorSummary form={varyForm} order={["validToDay", "change"]} />
      <span className="govuk-caption-l">{document.title}</span>
      <h1 className="govuk-heading-l">{document.reference}</h1>
      <HoldNotice hold={document.hold} what="licence" />
      <SummaryList
        rows={[
          { key: "Holder", value: document.holderName },
          ...(document.childName ? [{ key: "Child", value: document.childName }] : []),
          { key: "Valid", value: `${formatDate(document.validFrom)} to ${formatDate(document.validTo)}` },
          { key: "Status", value: `${document.statusLabel}${document.statusReason ? ` – ${document.statusReason}` : ""}` },
          { key: "Issued by", value: document.issuedByName },
          { key: "SHA-256", value: <code className="app-hash">{document.sha256}</code> },
        ]}
      />
      <p className="govuk-body">
        <a className="govuk-link" href={`/documents/${document.reference}.pdf`}>
          Download the signed PDF
        </a>{" "}
        ·{" "}
        <Link className="govuk-link" to={`/verify/${document.reference}`}>
          Public verification page
        </Link>
      </p>
      {options ? (
        // Keyed by status so the form starts empty again after a change.
        <div className="govuk-grid-row" key={document.status}>
          <div className="govuk-grid-column-two-thirds">
            <PostForm form={getFormProps(form)}>
              <Radios field={fields.action} legend="Change its status" options={options.map((o) => ({ ...o }))} />
              <TextInput field={fields.reason} label="Reason" hint="The holder is emailed this reason" />
              <Button warning>Change status</Button>
            </PostForm>
            <PostForm form={getFormProps(varyForm)}>
              <input type="hidden" name="intent" value="vary" />
              <h2 className="govuk-heading-m">Vary it</h2>
              <p className="govuk-body">A variation is issued under a new reference; this one will show as replaced.</p>
              <DateInput
                id="vary-validTo"
                legend="New end date"
                hint={`Currently ${formatDate(document.validTo)}. For example, 31 1 2027`}
                day={varyFields.validToDay}
                month={varyFields.validToMonth}
                year={varyFields.validToYear}
              />
              <TextInput field={varyFields.change} label="What has changed" hint="Printed on the new document" />
              <Button secondary>Issue the variation</Button>
            </PostForm>
          </div>
        </div>
      ) : null}
      <RecordHistory events={document.history} />
    </>
  );
}
