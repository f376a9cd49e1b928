import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { formatDay } from "~/domain/calendar/dates";
import { getProducerApplication } from "~/domain/licences-producer.server";
import { LICENCE_RULES } from "~/domain/licences/rules";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { BackLink, NotificationBanner, Table, Tag } from "~/ui/govuk/components";

export const handle = { title: "Chaperones" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const view = await guard(getProducerApplication(db(), actor, params.applicationId ?? ""));
  const saved = Number(new URL(request.url).searchParams.get("saved"));
  return json({
    application: { id: view.application.id, editable: view.application.editable },
    child: view.child,
    production: view.production,
    days: view.days.map((d) => ({ id: d.id, date: d.date, chaperone: d.chaperone })),
    banner: saved > 0 ? `The chaperone has been saved for ${saved === 1 ? "1 day" : `${saved} days`}` : null,
  });
}

export default function Chaperones() {
  const { application: a, child, production, days, banner } = useLoaderData<typeof loader>();
  const base = `/producer/applications/${a.id}`;
  const ratio = LICENCE_RULES["CHAP-RATIO"];
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
        <h1 className="govuk-heading-l">Chaperones</h1>
        <p className="govuk-body">
          Each day {child.firstName} must be looked after by their parent or by a chaperone approved by a council. A chaperone's approval must be valid on
          the day (CHAP-VALID), and they may look after at most {ratio.maxChildren} children in this production that day, or {ratio.maxChildrenIfTutor} if
          they are also a tutor (CHAP-RATIO).
        </p>
      </div>
      <div className="govuk-grid-column-full">
        {days.length ? (
          <Table
            label="Chaperones by day"
            head={["Date", "Who looks after the child", "Check", ...(a.editable ? [<span key="action" className="govuk-visually-hidden">Action</span>] : [])]}
            rows={days.map((d) => [
              formatDay(d.date),
              <Fragment key="who">
                {d.chaperone.label}
                {d.chaperone.isTutor ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">Also a tutor</span> : null}
              </Fragment>,
              !d.chaperone.who ? (
                ""
              ) : d.chaperone.problems.length ? (
                <ul key="check" className="govuk-list">
                  {d.chaperone.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : (
                <Tag key="check" colour="green">OK</Tag>
              ),
              ...(a.editable
                ? [
                    <Link key="action" className="govuk-link" to={`${base}/chaperones/${d.id}`}>
                      {d.chaperone.who ? "Change" : "Choose"}
                      <span className="govuk-visually-hidden"> who looks after the child on {formatDay(d.date)}</span>
                    </Link>,
                  ]
                : []),
            ])}
          />
        ) : (
          <p className="govuk-body">
            Add the days to the{" "}
            <Link className="govuk-link" to={`${base}/schedule`}>
              schedule
            </Link>{" "}
            first.
          </p>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to={base}>
            Back to {child.firstName}'s application
          </Link>
        </p>
      </div>
    </div>
  );
}
