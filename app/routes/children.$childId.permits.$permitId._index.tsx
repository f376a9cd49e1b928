import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadParentPermit } from "~/server/permit-application.server";
import { BackLink, NotificationBanner, SummaryList, Tag, WarningText } from "~/ui/govuk/components";
import { Findings } from "~/ui/permit-application/Findings";
import { PermitAnswers } from "~/ui/permit-application/PermitAnswers";
import { type Task, TaskList } from "~/ui/permit-application/TaskList";

export const handle = { title: (d: { view?: { child: { name: string } | null } } | undefined) => `Work permit for ${d?.view?.child?.name ?? "your child"}` };

const BANNERS: Record<string, string> = {
  joined: "You have joined the application. Now fill in your part.",
  confirmed: "Your part of the application is complete",
  invited: "We have emailed the employer a link to fill in their part",
  saved: "Your answers have been saved",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view, base } = await loadParentPermit(request, context, params);
  const search = new URL(request.url).searchParams;
  const banner = Object.entries(BANNERS).find(([key]) => search.has(key))?.[1] ?? null;
  return json({ view, base, banner });
}

export default function ChildPermit() {
  const { view: v, base, banner } = useLoaderData<typeof loader>();
  const child = v.child!;
  const sectionHref = (slug: string) => (v.editable ? `${base}/${slug}` : null);
  const parentComplete = v.parent.sections.every((s) => s.status === "Completed");
  const tasks: Task[] = [
    ...v.parent.sections.map((s) => ({ slug: s.slug, title: s.title, status: s.status, href: sectionHref(s.slug) })),
    {
      slug: "check",
      title: "Check and confirm your part",
      status: v.parent.confirmedAt ? "Completed" : parentComplete ? "Not started" : "Cannot start yet",
      href: parentComplete && v.editable ? `${base}/check` : null,
    },
  ];
  const employerStatus = !v.employer.joined ? "Waiting for the employer" : v.employer.complete ? "Completed" : "In progress";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${child.id}`}>{child.name}</BackLink>
        {banner ? (
          <NotificationBanner success>
            <p className="govuk-notification-banner__heading">{banner}</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">{child.name}</span>
        <h1 className="govuk-heading-l">Work permit{v.employer.businessName ? ` at ${v.employer.businessName}` : ""}</h1>
        <SummaryList
          rows={[
            { key: "Status", value: <Tag colour={v.statusColour}>{v.statusLabel}</Tag> },
            ...(v.reference ? [{ key: "Reference", value: v.reference }] : []),
            ...(v.employer.occupationLabel ? [{ key: "Kind of work", value: v.employer.occupationLabel }] : []),
            ...(v.authorityName ? [{ key: "Decided by", value: `${v.authorityName}, where the work happens` }] : []),
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
        {v.editable ? (
          <>
            <h2 className="govuk-heading-m">Your part</h2>
            <TaskList tasks={tasks} />
            <h2 className="govuk-heading-m">The employer's part</h2>
            <TaskList
              tasks={[
                ...(v.startedBy === "parent"
                  ? [
                      {
                        slug: "ask-employer",
                        title: "Ask the employer",
                        hint: v.employer.joined
                          ? `${v.employer.organisationName} has joined`
                          : v.invite
                            ? `${v.invite.expired ? "The link we sent to" : "We sent a link to"} ${v.invite.email}${v.invite.expired ? " has expired" : ""}`
                            : "The employer gives the business, the workplace, the job, the hours, supervision and a risk assessment",
                        status: v.employer.joined ? "Completed" : v.invite && !v.invite.expired ? "In progress" : "Not started",
                        href: v.employer.joined ? null : `${base}/ask-employer`,
                      },
                    ]
                  : []),
                { slug: "employer-part", title: "Employer's details of the job", status: employerStatus, href: null },
              ]}
            />
            {v.findings.length && v.employer.startDate ? (
              <>
                <WarningText>The job or its hours break the employment rules. The employer must change them before the application can be sent.</WarningText>
                <Findings findings={v.findings} />
              </>
            ) : null}
            <h2 className="govuk-heading-m">Send the application</h2>
            {v.canSubmit ? (
              <>
                <p className="govuk-body">Both parts are complete. You or the employer can send the application to {v.authorityName}.</p>
                <Link className="govuk-button" data-module="govuk-button" to={`${base}/submit`}>
                  Check and send the application
                </Link>
              </>
            ) : (
              <>
                <p className="govuk-body">Before the application can be sent to the council:</p>
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
            <PermitAnswers employer={v.employer} parent={v.parent} child={v.child} authorityName={v.authorityName} as="parent" changeBase={null} />
          </>
        )}
      </div>
    </div>
  );
}
