import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadEmployerPermit } from "~/server/permit-application.server";
import { BackLink, InsetText, NotificationBanner, SummaryList, Tag, WarningText } from "~/ui/govuk/components";
import { Findings } from "~/ui/permit-application/Findings";
import { PatternTable } from "~/ui/permit-application/PatternTable";
import { type Task, TaskList } from "~/ui/permit-application/TaskList";
import { ownValue } from "~/ui/ownValue";

export const handle = {
  title: (data: { view?: { child: { name: string } | null } } | undefined) =>
    data?.view?.child ? `Employment permit for ${data.view.child.name}` : "Employment permit application",
};

const SAVED: Record<string, string> = {
  business: "The business and workplace have been saved",
  job: "The job has been saved",
  hours: "The hours have been saved",
  supervision: "Supervision and the risk assessment have been saved",
  invited: "We have emailed the child's parent a link to fill in their part",
  joined: "You have joined the application",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view } = await loadEmployerPermit(request, context, params);
  const banner = ownValue(SAVED, new URL(request.url).searchParams.get("saved")) ?? null;
  return json({ view, banner });
}

export default function EmployerPermit() {
  const { view: v, banner } = useLoaderData<typeof loader>();
  const base = `/employer/permits/${v.id}`;
  const title = v.child ? `Employment permit for ${v.child.name}` : "Employment permit application";
  const hoursHint = v.findings.length ? `Breaks the employment rules: ${v.findings.length === 1 ? "1 finding" : `${v.findings.length} findings`}` : undefined;
  const tasks: Task[] = v.employer.sections.map((s) => ({
    slug: s.slug,
    title: s.title,
    status: s.slug === "hours" && s.status === "Completed" && v.findings.some((f) => f.pattern) ? "Breaks the rules" : s.status,
    hint: s.slug === "hours" ? hoursHint : s.slug === "job" && v.findings.some((f) => f.rule === "EMPLOY-PROHIBITED") ? "No child may do this work" : undefined,
    href: v.editable ? (s.slug === "hours" ? `${base}/hours/term` : `${base}/${s.slug}`) : null,
  }));
  const parentStatus = v.parent.confirmedAt ? "Completed" : v.parent.joined ? "In progress" : "Waiting for the parent";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/employer">Child employment permits</BackLink>
        {banner ? (
          <NotificationBanner success>
            <p className="govuk-notification-banner__heading">{banner}</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">{v.employer.businessName ?? v.employer.organisationName}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <SummaryList
          rows={[
            { key: "Status", value: <Tag colour={v.statusColour}>{v.statusLabel}</Tag> },
            ...(v.reference ? [{ key: "Reference", value: v.reference }] : []),
            ...(v.authorityName ? [{ key: "Decided by", value: `${v.authorityName}, where the work happens` }] : []),
            ...(v.child ? [{ key: "Child", value: `${v.child.name}, age ${v.child.age}` }] : []),
            ...(v.late ? [{ key: "Late", value: "Sent more than 7 days after the child started (EMPLOY-7DAYS)" }] : []),
            ...(v.endsOn ? [{ key: "Valid until", value: formatDate(v.endsOn) }] : []),
            ...(v.decisionReason ? [{ key: "Council's reasons", value: <span className="app-pre-line">{v.decisionReason}</span> }] : []),
          ]}
        />
        {v.documentReference && v.status === "granted" ? (
          <p className="govuk-body">
            <a className="govuk-link" href={`/documents/${v.documentReference}.pdf`}>
              Download the permit {v.documentReference} (PDF)
            </a>
          </p>
        ) : null}
        {v.status === "granted" ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`${base}/end`}>
              Tell the council the job has ended
            </Link>
          </p>
        ) : null}

        {v.editable ? (
          <>
            <h2 className="govuk-heading-m">Your part</h2>
            <TaskList tasks={tasks} />
            {v.findings.length ? (
              <>
                <WarningText>
                  {v.checkedForStandIn
                    ? "The job breaks the employment rules for a child of 13 or 14. You cannot send the application until you change it."
                    : `The job breaks the employment rules for ${v.child?.firstName}. You cannot send the application until you change it.`}
                </WarningText>
                <Findings findings={v.findings} />
              </>
            ) : v.employer.sections.find((s) => s.slug === "hours")?.status === "Completed" ? (
              <p className="govuk-body">
                <Tag colour="green">Within the employment rules</Tag>
              </p>
            ) : null}
            {v.checkedForStandIn && v.employer.startDate ? (
              <InsetText>Until the parent adds the child, the hours are checked for a child of 14, the stricter limits. They are checked again for the child.</InsetText>
            ) : null}

            <h2 className="govuk-heading-m">The parent's part</h2>
            <TaskList
              tasks={[
                {
                  slug: "ask-parent",
                  title: "Ask the parent",
                  hint: v.parent.joined
                    ? `${v.parent.name} has joined for ${v.child?.name}`
                    : v.invite
                      ? `${v.invite.expired ? "The link we sent to" : "We sent a link to"} ${v.invite.email}${v.invite.expired ? " has expired" : ""}`
                      : "The child's parent or carer says which child it is, answers a health question and gives their consent",
                  status: v.parent.joined ? "Completed" : v.invite && !v.invite.expired ? "In progress" : "Not started",
                  href: v.parent.joined ? null : `${base}/ask-parent`,
                },
                { slug: "parent-part", title: "Parent's health declaration and consent", status: parentStatus, href: null },
              ]}
            />

            <h2 className="govuk-heading-m">Send the application</h2>
            {v.canSubmit ? (
              <Link className="govuk-button" data-module="govuk-button" to={`${base}/submit`}>
                Check and send the application
              </Link>
            ) : (
              <>
                <p className="govuk-body">Before you can send the application to {v.authorityName ?? "the council"}:</p>
                <ul className="govuk-list govuk-list--bullet">
                  {Object.values(v.problems)
                    .flat()
                    .map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                </ul>
              </>
            )}
          </>
        ) : (
          <>
            <p className="govuk-body">This application has been sent to the council, so it can no longer be changed here.</p>
            <PatternTable term={v.employer.termPattern} holiday={v.employer.holidayPattern} caption="Usual hours" />
          </>
        )}
      </div>
    </div>
  );
}
