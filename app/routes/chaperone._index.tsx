import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getMyChaperoneApplication, startChaperoneApplication } from "~/domain/chaperones.server";
import { SECTIONS } from "~/domain/chaperones/sections";
import { listMyDocuments } from "~/domain/documents.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { readForm } from "~/server/forms.server";
import { ApplicationStatusTag, formatDay } from "~/ui/chaperones/ApplicationStatusTag";
import { formatDate } from "~/ui/documents/PublicDocumentSummary";
import { InsetText, NotificationBanner, SummaryList, Table } from "~/ui/govuk/components";
import { PostForm } from "~/ui/govuk/form";

export const handle = { title: "Your chaperone approval" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "chaperone:use");
  const [application, documents] = await Promise.all([getMyChaperoneApplication(db(), actor), listMyDocuments(db(), actor)]);
  return json({ application, approvals: documents.filter((d) => d.kind === "chaperone-licence") });
}

/** "Start your application": makes the draft (or finds the open one) and goes to the task list. */
export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context);
  const { actor } = await requireCapability(request, context, "chaperone:use");
  await startChaperoneApplication(db(), actor);
  return redirect("/chaperone/application");
}

function StartForm({ again }: { again?: boolean }) {
  return (
    <PostForm>
      <button type="submit" className="govuk-button govuk-button--start" data-module="govuk-button">
        {again ? "Start a new application" : "Start your application"}
        <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      </button>
    </PostForm>
  );
}

function Introduction() {
  return (
    <>
      <p className="govuk-body">
        To look after children taking part in performances and activities when their parents are not there, you must be approved as a chaperone by the
        council where you live. You must be 18 or over.
      </p>
      <h2 className="govuk-heading-m">Before you start</h2>
      <p className="govuk-body">You will need:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>an enhanced DBS certificate with a check of the children's barred list, issued in the last 3 months or on the DBS Update Service</li>
        <li>a recent photograph of your face, as a JPG or PNG file</li>
        <li>a scan or photo of one of your identity documents</li>
        <li>the names and email addresses of 2 people who will give you a reference</li>
        <li>the date of the chaperone training you have done</li>
      </ul>
      <p className="govuk-body">You can save your answers and come back later.</p>
    </>
  );
}

export default function ChaperoneHome() {
  const { application, approvals } = useLoaderData<typeof loader>();
  const open = application && ["draft", "submitted", "checks-in-progress", "information-requested"].includes(application.status);
  const completed = application ? SECTIONS.filter((s) => application.statuses[s.slug] === "Completed").length : 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {application?.status === "information-requested" ? (
          <NotificationBanner title="Important">
            <h3 className="govuk-notification-banner__heading">The council needs more information</h3>
            <p className="govuk-body app-pre-line">{application.informationRequested}</p>
            <p className="govuk-body">
              <Link className="govuk-notification-banner__link" to="/chaperone/application">
                Update your application
              </Link>
            </p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Your chaperone approval</h1>

        {!application ? (
          <>
            <Introduction />
            <StartForm />
          </>
        ) : application.status === "draft" ? (
          <>
            <p className="govuk-body">
              <ApplicationStatusTag status={application.status} />
            </p>
            <p className="govuk-body">
              You have started an application. You have completed {completed} of {SECTIONS.length} sections.
            </p>
            <Link className="govuk-button" data-module="govuk-button" to="/chaperone/application">
              Continue your application
            </Link>
          </>
        ) : (
          <>
            <SummaryList
              rows={[
                { key: "Status", value: <ApplicationStatusTag status={application.status} /> },
                { key: "Application reference", value: application.reference },
                ...(application.submittedAt ? [{ key: "Submitted", value: formatDay(application.submittedAt) }] : []),
                ...(application.authority ? [{ key: "Council", value: application.authority.name }] : []),
                ...(application.licence
                  ? [
                      { key: "Approval reference", value: application.licence.reference },
                      { key: "Valid", value: `${formatDate(application.licence.validFrom)} to ${formatDate(application.licence.validTo)}` },
                      { key: "Approval status", value: application.licence.statusLabel },
                    ]
                  : []),
                ...(application.restrictions ? [{ key: "Restrictions", value: application.restrictions }] : []),
                ...(application.decisionReason ? [{ key: "Reasons", value: <span className="app-pre-line">{application.decisionReason}</span> }] : []),
              ]}
            />
            {application.licence ? (
              <p className="govuk-body">
                <a className="govuk-link" href={`/documents/${application.licence.reference}.pdf`}>
                  Download your chaperone approval and photo ID card (PDF)
                </a>
              </p>
            ) : null}
            {open ? (
              <>
                <h2 className="govuk-heading-m">Your references</h2>
                <ul className="govuk-list">
                  {application.referees.map((r) => (
                    <li key={r.position}>
                      {r.name}:{" "}
                      {r.received
                        ? "reference received"
                        : r.linkExpiresAt
                          ? `we emailed them a link on ${formatDay(r.requestedAt!)}; it expires on ${formatDay(r.linkExpiresAt)}`
                          : "not asked yet"}
                    </li>
                  ))}
                </ul>
                <h2 className="govuk-heading-m">What happens next</h2>
                <p className="govuk-body">
                  {application.authority?.name ?? "The council"} will check your identity and DBS certificate, read your references and invite you to
                  an interview. They will email you if they need anything else, and when they have made a decision.
                </p>
                <p className="govuk-body">If a referee has not had our email, ask them to check their spam folder.</p>
              </>
            ) : null}
            {application.status === "refused" || application.status === "withdrawn" ? (
              <>
                <InsetText>You can apply again. You will need to answer every question again.</InsetText>
                <StartForm again />
              </>
            ) : null}
          </>
        )}

        {approvals.length && !application?.licence ? (
          <Table
            caption="Your chaperone approvals"
            head={["Approval", "Valid to", "Status"]}
            rows={approvals.map((d) => [
              <a key={d.reference} className="govuk-link" href={`/documents/${d.reference}.pdf`}>
                {d.reference} (PDF)
              </a>,
              formatDate(d.validTo),
              d.statusLabel,
            ])}
          />
        ) : null}
      </div>
    </div>
  );
}
