import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getProducerApplication } from "~/domain/licences-producer.server";
import type { TaskStatus } from "~/domain/licences/producerRules";
import { LICENCE_STATUS_COLOURS, LICENCE_STATUS_LABELS } from "~/domain/licences/states";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { BackLink, NotificationBanner, SummaryList, Tag } from "~/ui/govuk/components";
import { ownValue } from "~/ui/ownValue";

export const handle = { title: (data: { child?: { name: string } } | undefined) => (data?.child ? `${data.child.name}'s licence application` : "Licence application") };

const SAVED: Record<string, string> = {
  payment: "Payment has been saved",
  education: "Education has been saved",
  contract: "The contract has been uploaded",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "producer:use");
  const view = await guard(getProducerApplication(db(), actor, params.applicationId ?? ""));
  const saved = ownValue(SAVED, new URL(request.url).searchParams.get("saved")) ?? null;
  return json({ ...view, saved });
}

function Status({ id, status }: { id: string; status: TaskStatus }) {
  if (status === "Completed") {
    return (
      <div className="govuk-task-list__status" id={id}>
        Completed
      </div>
    );
  }
  if (status === "Cannot start yet") {
    return (
      <div className="govuk-task-list__status govuk-task-list__status--cannot-start-yet" id={id}>
        Cannot start yet
      </div>
    );
  }
  return (
    <div className="govuk-task-list__status" id={id}>
      <strong className={`govuk-tag ${status === "In progress" ? "govuk-tag--light-blue" : "govuk-tag--blue"}`}>{status}</strong>
    </div>
  );
}

type Task = { slug: string; title: string; hint?: string; status: TaskStatus };

function TaskList({ base, tasks, links }: { base: string; tasks: Task[]; links: boolean }) {
  return (
    <ul className="govuk-task-list">
      {tasks.map((task) => {
        const statusId = `${task.slug}-status`;
        const hintId = `${task.slug}-hint`;
        const link = links && task.status !== "Cannot start yet";
        return (
          <li key={task.slug} className={`govuk-task-list__item${link ? " govuk-task-list__item--with-link" : ""}`}>
            <div className="govuk-task-list__name-and-hint">
              {link ? (
                <Link className="govuk-link govuk-task-list__link" to={`${base}/${task.slug}`} aria-describedby={[task.hint ? hintId : null, statusId].filter(Boolean).join(" ")}>
                  {task.title}
                </Link>
              ) : (
                <div>{task.title}</div>
              )}
              {task.hint ? (
                <div id={hintId} className="govuk-task-list__hint">
                  {task.hint}
                </div>
              ) : null}
            </div>
            <Status id={statusId} status={task.status} />
          </li>
        );
      })}
    </ul>
  );
}

export default function ProducerApplication() {
  const { application: a, child, production, homeAuthorityName, days, schoolDaysMissed, sections, canSubmit, saved, school } = useLoaderData<typeof loader>();
  const base = `/producer/applications/${a.id}`;
  const dayCount = days.length === 1 ? "1 day" : `${days.length} days`;
  const tasks: Task[] = [
    { slug: "schedule", title: "Schedule", hint: days.length ? `${dayCount}; school days missed: ${schoolDaysMissed}` : "Each day's times, performing and breaks", status: sections.schedule },
    { slug: "payment", title: "Payment", status: sections.payment },
    ...(sections.education ? [{ slug: "education", title: "Education", hint: `School days missed: ${schoolDaysMissed}`, status: sections.education }] : []),
    { slug: "chaperones", title: "Chaperones", hint: "Who looks after the child each day", status: sections.chaperones },
    { slug: "contract", title: "Contract", status: sections.contract },
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/producer/productions/${production.id}`}>{production.title}</BackLink>
        {saved ? (
          <NotificationBanner success>
            <p className="govuk-notification-banner__heading">{saved}</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">{production.title}</span>
        <h1 className="govuk-heading-l">{child.name}'s licence application</h1>
        <SummaryList
          rows={[
            { key: "Status", value: <Tag colour={LICENCE_STATUS_COLOURS[a.status]}>{LICENCE_STATUS_LABELS[a.status]}</Tag> },
            ...(a.reference ? [{ key: "Reference", value: a.reference }] : []),
            { key: "Decided by", value: `${homeAuthorityName}, where ${child.firstName} lives` },
            { key: "Age on the first date", value: child.ageOnFirstDate },
            ...(school ? [{ key: "School's answer", value: school.answer ?? school.clock.label }] : []),
          ]}
        />
        {a.editable ? null : <p className="govuk-body">This application has been sent to the council, so it can no longer be changed here.</p>}
        {a.status === "information-requested" ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`${base}/information`}>
              Reply to the council's request for more information
            </Link>
          </p>
        ) : null}
        <h2 className="govuk-heading-m">Your part</h2>
        <TaskList base={base} tasks={tasks} links={a.editable} />
        <h2 className="govuk-heading-m">The parent's part</h2>
        <p className="govuk-body">
          {child.firstName}'s parent gives {child.firstName}'s school, health, a recent photograph, the birth certificate and their consent from their
          account. You cannot see or change their answers.
        </p>
        <SummaryList rows={[{ key: "Parent's part", value: a.parentPartCompletedAt ? "Completed" : "Waiting for the parent" }]} />
        {a.editable ? (
          <>
            <h2 className="govuk-heading-m">Send the application</h2>
            {canSubmit ? (
              <Link className="govuk-button" data-module="govuk-button" to={`${base}/submit`}>
                Check and send the application
              </Link>
            ) : (
              <p className="govuk-body">You can send the application to {homeAuthorityName} when your part and the parent's part are complete.</p>
            )}
          </>
        ) : null}
      </div>
    </div>
  );
}
