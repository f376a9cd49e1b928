import { formatDate, formatMomentDate } from "~/domain/calendar/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { acknowledgeChangeReport, getChangeReport } from "~/domain/chaperones.server";
import { CHAPERONE_RULES } from "~/domain/chaperones/rules";
import { RuleError } from "~/domain/errors";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, toResponse } from "~/server/forms.server";
import { BackLink, Button, NotificationBanner, SummaryList, Tag } from "~/ui/govuk/components";
import { ErrorSummary, PostForm } from "~/ui/govuk/form";

export const handle = { title: "Change reported by a chaperone" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "chaperone-application:decide");
  const report = await guard(getChangeReport(db(), actor, params.reportId!));
  return json({ report, acknowledged: new URL(request.url).searchParams.has("acknowledged") });
}

/** "Mark as dealt with": the officer acknowledges the report (audited). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const { actor } = await requireCapability(request, context, "chaperone-application:decide");
  try {
    await acknowledgeChangeReport(db(), actor, params.reportId!);
  } catch (error) {
    if (error instanceof RuleError) return json({ errors: Object.values(error.fieldErrors).flat() }, { status: 400 });
    return toResponse(error);
  }
  return redirect(`/officer/chaperones/changes/${params.reportId}?acknowledged=1`);
}

export default function ChangeReport() {
  const { report, acknowledged } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/officer/chaperones">Chaperone applications</BackLink>
        {acknowledged ? (
          <NotificationBanner success>
            <h3 className="govuk-notification-banner__heading">You have marked this change as dealt with</h3>
          </NotificationBanner>
        ) : null}
        {actionData?.errors ? <ErrorSummary form={{ id: "acknowledge", errors: actionData.errors, allErrors: {} }} order={["button"]} /> : null}
        <span className="govuk-caption-l">{report.chaperoneName}</span>
        <h1 className="govuk-heading-l">Change reported: {report.kindLabel.toLowerCase()}</h1>
        <SummaryList
          rows={[
            { key: "Chaperone", value: `${report.chaperoneName} (${report.chaperoneEmail})` },
            {
              key: "Approval",
              value: (
                <Link className="govuk-link" to={`/officer/documents/${report.reference}`}>
                  {report.reference}
                </Link>
              ),
            },
            { key: "What has changed", value: report.kindLabel },
            { key: "Details", value: <span className="app-pre-line">{report.details}</span> },
            { key: "Date it happened", value: formatDate(report.happenedOn) },
            {
              key: "Reported",
              value: report.late ? (
                <>
                  {formatMomentDate(report.reportedAt)} <Tag colour="red">Late</Tag>
                  <br />
                  More than {CHAPERONE_RULES["CHAPLIC-REPORT"].days} days after it happened
                </>
              ) : (
                formatMomentDate(report.reportedAt)
              ),
            },
            ...(report.acknowledgedAt ? [{ key: "Dealt with", value: `${formatMomentDate(report.acknowledgedAt)} by ${report.acknowledgedBy}` }] : []),
          ]}
        />
        <p className="govuk-body">
          If the chaperone should not look after children until you have looked into this, suspend their approval on the{" "}
          <Link className="govuk-link" to={`/officer/documents/${report.reference}`}>
            approval’s page
          </Link>
          .
        </p>
        {report.acknowledgedAt ? null : (
          <PostForm>
            <span id="acknowledge-button" />
            <Button>Mark as dealt with</Button>
          </PostForm>
        )}
      </div>
    </div>
  );
}
