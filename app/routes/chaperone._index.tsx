import { formatDate, formatMomentDate } from "~/domain/calendar/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getMyChaperoneApplication, getMyChaperoneApproval, startChaperoneApplication, startChaperoneRenewal } from "~/domain/chaperones.server";
import { RuleError } from "~/domain/errors";
import { SECTIONS } from "~/domain/chaperones/sections";
import { listMyDocuments } from "~/domain/documents.server";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { readForm } from "~/server/forms.server";
import { ApplicationStatusTag } from "~/ui/chaperones/ApplicationStatusTag";
import { InsetText, NotificationBanner, SummaryList, Table } from "~/ui/govuk/components";
import { ErrorSummary, PostForm } from "~/ui/govuk/form";

export const handle = { title: "Your chaperone approval" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "chaperone:use");
  const [application, approval, documents] = await Promise.all([
    getMyChaperoneApplication(db(), actor),
    getMyChaperoneApproval(db(), actor),
    listMyDocuments(db(), actor),
  ]);
  const reported = new URL(request.url).searchParams.has("reported");
  return json({ application, approval, reported, approvals: documents.filter((d) => d.kind === "chaperone-licence") });
}

/**
 * "Start your application" makes the draft (or finds the open one); "Renew your approval" makes a draft
 * pre-filled from the approved application. Both go to the task list.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { actor } = await requireCapability(request, context, "chaperone:use");
  if (form.get("intent") === "renew") {
    try {
      await startChaperoneRenewal(db(), actor);
    } catch (error) {
      if (error instanceof RuleError) return json({ errors: Object.values(error.fieldErrors).flat() }, { status: 400 });
      throw error;
    }
  } else {
    await startChaperoneApplication(db(), actor);
  }
  return redirect("/chaperone/application");
}

function RenewSection({ approval }: { approval: { validTo: string; renewalOpensOn: string; renewalStartsOn: string; canRenew: boolean } }) {
  return (
    <>
      <h2 className="govuk-heading-m">Renew your approval</h2>
      <p className="govuk-body">
        Your approval ends on {formatDate(approval.validTo)}. If you renew it, your new approval will start on {formatDate(approval.renewalStartsOn)}, the day
        after your current one ends.
      </p>
      {approval.canRenew ? (
        <>
          <p className="govuk-body">
            We will fill in your answers from your last application. You will need to give the details of a DBS certificate and 2 referees again.
          </p>
          <PostForm>
            <input type="hidden" name="intent" value="renew" />
            <button type="submit" id="renew-button" className="govuk-button" data-module="govuk-button">
              Renew your approval
            </button>
          </PostForm>
        </>
      ) : (
        <p className="govuk-body">You can renew your approval from {formatDate(approval.renewalOpensOn)}, 6 months before it ends.</p>
      )}
    </>
  );
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
  const { application, approval, approvals, reported } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
        {reported ? (
          <NotificationBanner title="Success" success>
            <h3 className="govuk-notification-banner__heading">We have told the council about your change</h3>
            <p className="govuk-body">They will contact you if they need to know more.</p>
          </NotificationBanner>
        ) : null}
        {actionData?.errors ? <ErrorSummary form={{ id: "renew", errors: actionData.errors, allErrors: {} }} order={["button"]} /> : null}
        <h1 className="govuk-heading-l">Your chaperone approval</h1>

        {!application && !approval ? (
          <>
            <Introduction />
            <StartForm />
          </>
        ) : !application ? null : application.status === "draft" ? (
          <>
            <p className="govuk-body">
              <ApplicationStatusTag status={application.status} />
            </p>
            <p className="govuk-body">
              {application.renewal ? "You have started renewing your approval." : "You have started an application."} You have completed {completed} of{" "}
              {SECTIONS.length} sections.
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
                ...(application.submittedAt ? [{ key: "Submitted", value: formatMomentDate(application.submittedAt) }] : []),
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
                          ? `we emailed them a link on ${formatMomentDate(r.requestedAt!)}; it expires on ${formatMomentDate(r.linkExpiresAt)}`
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
            {!approval && (application.status === "refused" || application.status === "withdrawn") ? (
              <>
                <InsetText>You can apply again. You will need to answer every question again.</InsetText>
                <StartForm again />
              </>
            ) : null}
          </>
        )}

        {approval ? (
          <>
            <h2 className="govuk-heading-m">Report a change</h2>
            <p className="govuk-body">
              You must tell the council within 7 days if you change your name or address, are arrested, convicted or cautioned, or become seriously ill.
            </p>
            <p className="govuk-body">
              <Link className="govuk-link" to="/chaperone/report-a-change">
                Report a change
              </Link>
            </p>
          </>
        ) : null}
        {approval && !open ? <RenewSection approval={approval} /> : null}

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
