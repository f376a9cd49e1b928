import { formatDate } from "~/domain/calendar/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getParentPart } from "~/domain/licences-parent.server";
import { PARENT_PART_STATUS_LABELS, PARENT_SECTIONS } from "~/domain/licences/parentSections";
import { requireCapability } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { guard } from "~/server/forms.server";
import { BackLink, NotificationBanner, SummaryList, Tag } from "~/ui/govuk/components";

export const handle = {
  title: (data: { production?: { title: string }; child?: { name: string } } | undefined) =>
    data?.production ? `${data.child?.name}: licence application for ${data.production.title}` : "Licence application",
};

type TaskStatus = "Completed" | "Incomplete" | "Not yet started" | "Cannot start yet";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireCapability(request, context, "parent:use");
  const part = await guard(getParentPart(db(), actor, params.childId ?? "", params.applicationId ?? ""));
  const search = new URL(request.url).searchParams;
  const a = part.answers;
  // a photograph saved but now more than 6 months old is the one answer that can stop being complete
  const tasks = PARENT_SECTIONS.map((s) => ({
    slug: s.slug,
    title: s.title,
    status: (!part.missing[s.slug] ? "Completed" : s.slug === "photo" && a.photoUploadId ? "Incomplete" : "Not yet started") as TaskStatus,
  }));
  const anyMissing = tasks.some((t) => t.status !== "Completed");
  return json({
    base: `/children/${part.childId}/applications/${part.id}`,
    child: part.child,
    production: part.production,
    status: { label: part.statusLabel, colour: part.statusColour },
    reference: part.reference,
    editable: part.editable,
    partStatus: PARENT_PART_STATUS_LABELS[part.partStatus],
    schoolAnswer: part.schoolAnswer ? (part.schoolAnswer.answer ?? part.schoolAnswer.clock.label) : null,
    tasks: [...tasks, { slug: "check", title: "Check your answers and confirm", status: (part.partStatus === "completed" ? "Completed" : anyMissing ? "Cannot start yet" : "Not yet started") as TaskStatus }],
    banner: search.has("confirmed")
      ? `You have confirmed your part. We have told ${part.production.organisationName}, who will send the application to the council.`
      : search.has("saved")
        ? "Your answers have been saved. You can come back to finish your part at any time."
        : null,
  });
}

function Status({ id, status }: { id: string; status: TaskStatus }) {
  if (status === "Completed" || status === "Cannot start yet") {
    return (
      <div className={`govuk-task-list__status${status === "Cannot start yet" ? " govuk-task-list__status--cannot-start-yet" : ""}`} id={id}>
        {status}
      </div>
    );
  }
  return (
    <div className="govuk-task-list__status" id={id}>
      <strong className={`govuk-tag ${status === "Incomplete" ? "govuk-tag--light-blue" : "govuk-tag--blue"}`}>{status}</strong>
    </div>
  );
}

export default function Application() {
  const { base, child, production: p, status, reference, editable, partStatus, tasks, banner, schoolAnswer } = useLoaderData<typeof loader>();
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
        <h1 className="govuk-heading-l">Licence application for {p.title}</h1>
        <SummaryList
          rows={[
            { key: "Production", value: p.title },
            { key: "Organisation", value: p.organisationName },
            { key: "Dates", value: p.firstDate === p.lastDate ? formatDate(p.firstDate) : `${formatDate(p.firstDate)} to ${formatDate(p.lastDate)}` },
            { key: "Venue", value: p.venueName },
            { key: "Status", value: <Tag colour={status.colour}>{status.label}</Tag> },
            ...(reference ? [{ key: "Reference", value: reference }] : []),
            { key: "Your part", value: partStatus },
            ...(schoolAnswer ? [{ key: "School's answer", value: schoolAnswer }] : []),
          ]}
        />
        {editable ? (
          <>
            <h2 className="govuk-heading-m">Your part of the application</h2>
            <p className="govuk-body">
              {p.organisationName} fills in the schedule, payment, education and chaperones. You answer the questions below about {child.firstName}. Your
              answers are saved as you go, so you can come back later.
            </p>
            <ul className="govuk-task-list">
              {tasks.map((task) => {
                const statusId = `${task.slug}-status`;
                const canStart = task.status !== "Cannot start yet";
                return (
                  <li key={task.slug} className={`govuk-task-list__item${canStart ? " govuk-task-list__item--with-link" : ""}`}>
                    <div className="govuk-task-list__name-and-hint">
                      {canStart ? (
                        <Link className="govuk-link govuk-task-list__link" to={`${base}/${task.slug}`} aria-describedby={statusId}>
                          {task.title}
                        </Link>
                      ) : (
                        <div>{task.title}</div>
                      )}
                    </div>
                    <Status id={statusId} status={task.status} />
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <p className="govuk-body">
            {p.organisationName} has sent this application to the council, so it can no longer be changed. We will email you when the council has decided.
          </p>
        )}
      </div>
    </div>
  );
}
