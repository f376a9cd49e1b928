import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDay } from "~/domain/calendar/dates";
import { getProducerApplication } from "~/domain/licences-producer.server";
import { breaksText, periodsText } from "~/domain/licences/producerRules";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { BackLink, InsetText, NotificationBanner, SummaryList, Table, Tag, WarningText } from "~/ui/govuk/components";

export const handle = { title: "Schedule" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const view = await guard(getProducerApplication(db(), actor, params.applicationId ?? "", { timelines: true }));
  const search = new URL(request.url).searchParams;
  const date = search.get("saved") ?? search.get("removed");
  const copied = Number(search.get("copied"));
  const banner =
    date && /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? `${formatDay(date)} has been ${search.has("removed") ? "removed" : "saved"}`
      : copied > 0
        ? `The schedule has been copied to ${copied === 1 ? "1 other child" : `${copied} other children`}`
        : search.has("reasons")
          ? "Your reasons for night work have been saved"
          : null;
  return json({ ...view, banner });
}

export default function Schedule() {
  const { application: a, child, production, days, nightWork, blockingFindings, schoolDaysMissed, group, banner } = useLoaderData<typeof loader>();
  const base = `/producer/applications/${a.id}`;
  const breachDays = days.filter((d) => d.findings.some((f) => !f.needsPermission)).length;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={base}>{child.name}'s licence application</BackLink>
        {banner ? (
          <NotificationBanner success>
            <p className="govuk-notification-banner__heading">{banner}</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">
          {child.name} – {production.title}
        </span>
        <h1 className="govuk-heading-l">Schedule</h1>
        <p className="govuk-body">
          Add each day {child.firstName} is at the venue between {formatDay(production.firstDate)} and {formatDay(production.lastDate)}, including rehearsals.
          We check every day against the hours rules for {child.firstName}'s age each time you save.
        </p>
        <p className="govuk-body">
          Days: {days.length}
          <br />
          School days missed: {schoolDaysMissed}
        </p>
        {blockingFindings ? (
          <WarningText>
            {breachDays === 1 ? "1 day breaks" : `${breachDays} days break`} the hours rules. Change {breachDays === 1 ? "it" : "them"} before you can complete this
            section.
          </WarningText>
        ) : null}
        {nightWork.length ? (
          <InsetText>
            <p className="govuk-body">
              Some days include night work, which needs the council's express permission on the licence (HOURS-NIGHT). The council decides whether to allow it.
            </p>
            {a.nightWorkReasons ? <p className="govuk-body app-pre-line">Your reasons: {a.nightWorkReasons}</p> : null}
            {a.editable ? (
              <p className="govuk-body">
                <Link className="govuk-link" to={`${base}/night-work`}>
                  {a.nightWorkReasons ? "Change your reasons for night work" : "Give your reasons for night work"}
                </Link>
              </p>
            ) : null}
          </InsetText>
        ) : null}
        {a.editable ? (
          <div className="govuk-button-group">
            <Link className="govuk-button" data-module="govuk-button" to={`${base}/schedule/new`}>
              Add a day
            </Link>
            {days.length && group.length ? (
              <Link className="govuk-link" to={`${base}/schedule/copy`}>
                Copy this schedule to other children
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="govuk-grid-column-full">
        {days.length === 0 ? <p className="govuk-body">No days have been added yet.</p> : null}
        {days.map((day) => {
          const title = `${formatDay(day.date)}${day.kind === "rehearsal" ? " (rehearsal)" : ""}`;
          return (
            <div key={day.id} className="govuk-summary-card" id={`day-${day.date}`}>
              <div className="govuk-summary-card__title-wrapper">
                <h2 className="govuk-summary-card__title">{title}</h2>
                {a.editable ? (
                  <ul className="govuk-summary-card__actions">
                    <li className="govuk-summary-card__action">
                      <Link className="govuk-link" to={`${base}/schedule/${day.id}`}>
                        Change<span className="govuk-visually-hidden"> {title}</span>
                      </Link>
                    </li>
                  </ul>
                ) : null}
              </div>
              <div className="govuk-summary-card__content">
                <SummaryList
                  rows={[
                    ...(day.venue ? [{ key: "Venue", value: day.venue }] : []),
                    { key: "At the venue", value: `${day.arrive} to ${day.depart}` },
                    { key: day.kind === "rehearsal" ? "Rehearsing" : "Performing", value: periodsText(day.performing) },
                    { key: "Breaks", value: breaksText(day.breaks) },
                    { key: "School day", value: day.schoolDay ? "Yes" : "No" },
                  ]}
                />
                {day.timeline ? (
                  // The picture is drawn on the server from the saved times (no text the producer typed).
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered SVG of the day
                  <div className="govuk-!-margin-bottom-4" dangerouslySetInnerHTML={{ __html: day.timeline }} />
                ) : null}
                {day.findings.length ? (
                  <Table
                    caption={<span className="govuk-heading-s">Hours rules</span>}
                    head={["Rule", "What we found", "Limit", "Actual"]}
                    rows={day.findings.map((f) => [
                      <>
                        <Tag colour={f.needsPermission ? "yellow" : "red"}>{f.rule}</Tag>
                        {f.needsPermission ? <span className="govuk-hint govuk-!-display-block">Night work: the council decides</span> : null}
                      </>,
                      f.message,
                      f.limit ?? "",
                      f.actual ?? "",
                    ])}
                  />
                ) : (
                  <p className="govuk-body">
                    <Tag colour="green">Within the hours rules</Tag>
                  </p>
                )}
              </div>
            </div>
          );
        })}
        <p className="govuk-body">
          <Link className="govuk-link" to={base}>
            Back to {child.firstName}'s application
          </Link>
        </p>
      </div>
    </div>
  );
}
