import { formatDate } from "~/domain/calendar/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RuleError } from "~/domain/errors";
import { getLicenceSubmission, submitLicenceApplication } from "~/domain/licences-parent.server";
import { LICENCE_RULES } from "~/domain/licences/rules";
import { dispatchEmails } from "~/domain/notifications.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard, readForm, toResponse } from "~/server/forms.server";
import { BackLink, Button, SummaryList, WarningText } from "~/ui/govuk/components";
import { ErrorSummaryBox, PostForm } from "~/ui/govuk/form";

export const handle = { title: "Send the application" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const submission = await guard(getLicenceSubmission(db(), actor, params.applicationId ?? ""));
  if (submission.reference) throw redirect(`/producer/applications/${submission.id}/submitted`);
  return json({ s: submission });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const { actor } = await requireCapability(request, context, "producer:use");
  const id = params.applicationId ?? "";
  try {
    const { outboxIds } = await submitLicenceApplication(db(), actor, id, context.baseUrl);
    await dispatchEmails(outboxIds);
  } catch (error) {
    if (!(error instanceof RuleError)) return toResponse(error);
    const problems = Object.entries(error.fieldErrors).flatMap(([key, messages]) =>
      messages.map((text) => ({ href: key === "producerPart" ? `/producer/applications/${id}` : "#what-is-missing", text })),
    );
    return json({ problems }, { status: 400 });
  }
  return redirect(`/producer/applications/${id}/submitted`);
}

const dates = (first: string, last: string | null) => (!last || first === last ? formatDate(first) : `${formatDate(first)} to ${formatDate(last)}`);

export default function Submit() {
  const { s } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const days = LICENCE_RULES["PERF-APP-21"].days;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/producer/applications/${s.id}`} />
        {result?.problems ? <ErrorSummaryBox items={result.problems} /> : null}
        <span className="govuk-caption-l">{s.productionTitle}</span>
        <h1 className="govuk-heading-l">Send {s.childName}'s application</h1>
        <SummaryList
          rows={[
            { key: "Child", value: s.childName },
            { key: "Production", value: `${s.productionTitle} (${s.organisationName})` },
            { key: "Dates", value: s.dayCount ? `${dates(s.firstDay, s.lastDay)} (${s.dayCount} ${s.dayCount === 1 ? "day" : "days"})` : "No days entered" },
            { key: "School days missed", value: String(s.schoolDaysMissed) },
            { key: "Sent to", value: s.authorityName },
            { key: "Your part", value: s.producerPartComplete ? "Completed" : "Not completed" },
            { key: "The parent's part", value: s.parentPartComplete ? "Completed" : "Not completed" },
          ]}
        />
        {s.canSubmit ? (
          <>
            {s.lateIfSentToday ? (
              <WarningText>
                The first day is less than {days} days away. {s.authorityName} may refuse an application it receives this late, or may not be able to decide in
                time.
              </WarningText>
            ) : null}
            <h2 className="govuk-heading-m">Now send the application</h2>
            <p className="govuk-body">
              By sending it you confirm that, to the best of your knowledge, the details in your part are correct. Neither part can be changed once it is sent.
              {s.schoolDaysMissed ? ` ${s.authorityName} will ask ${s.childName}'s school for its view.` : ""}
            </p>
            <PostForm>
              <Button>Submit application</Button>
            </PostForm>
          </>
        ) : (
          <>
            <h2 className="govuk-heading-m" id="what-is-missing">
              You cannot send the application yet
            </h2>
            {s.status === "draft" ? (
              <ul className="govuk-list govuk-list--bullet">
                {s.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : (
              <p className="govuk-body">Its status is {s.statusLabel.toLowerCase()}.</p>
            )}
            <p className="govuk-body">
              <Link className="govuk-link" to={`/producer/applications/${s.id}`}>
                Go back to the application
              </Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
