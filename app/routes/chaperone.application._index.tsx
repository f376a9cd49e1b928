import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SECTIONS, type SectionStatus } from "~/domain/chaperones/sections";
import { requireEditableApplication } from "~/server/chaperone-applicant.server";
import { BackLink } from "~/ui/govuk/components";

export const handle = { title: "Apply to be a chaperone" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { application } = await requireEditableApplication(request, context);
  return json({ statuses: application.statuses, reference: application.reference, informationRequested: application.informationRequested });
}

function Status({ id, status }: { id: string; status: SectionStatus }) {
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

export default function TaskList() {
  const { statuses, reference, informationRequested } = useLoaderData<typeof loader>();
  const done = SECTIONS.filter((s) => statuses[s.slug] === "Completed").length;
  const tasks = [
    ...SECTIONS.map((s) => ({ slug: s.slug, title: s.title, href: `/chaperone/application/${s.slug}`, status: statuses[s.slug] })),
    { slug: "check", title: "Check your answers and send your application", href: "/chaperone/application/check", status: statuses.check },
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/chaperone">Your chaperone approval</BackLink>
        {reference ? <span className="govuk-caption-l">{reference}</span> : null}
        <h1 className="govuk-heading-l">Apply to be a chaperone</h1>
        {informationRequested ? (
          <div className="govuk-inset-text">
            <p className="govuk-body">The council has asked for more information:</p>
            <p className="govuk-body app-pre-line">{informationRequested}</p>
            <p className="govuk-body">Change your answers, then check them and send your application again.</p>
          </div>
        ) : null}
        <p className="govuk-body">
          You have completed {done} of {SECTIONS.length} sections. Your answers are saved as you go, so you can come back later.
        </p>
        <ul className="govuk-task-list">
          {tasks.map((task) => {
            const statusId = `${task.slug}-status`;
            const canStart = task.status !== "Cannot start yet";
            return (
              <li key={task.slug} className={`govuk-task-list__item${canStart ? " govuk-task-list__item--with-link" : ""}`}>
                <div className="govuk-task-list__name-and-hint">
                  {canStart ? (
                    <Link className="govuk-link govuk-task-list__link" to={task.href} aria-describedby={statusId}>
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
      </div>
    </div>
  );
}
