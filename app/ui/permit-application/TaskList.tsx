import { Link } from "@remix-run/react";

export type Task = { slug: string; title: string; hint?: string; status: string; href?: string | null };

function Status({ id, status }: { id: string; status: string }) {
  if (status === "Completed" || status === "Cannot start yet") {
    return (
      <div className={`govuk-task-list__status${status === "Cannot start yet" ? " govuk-task-list__status--cannot-start-yet" : ""}`} id={id}>
        {status}
      </div>
    );
  }
  const colour =
    status === "In progress" ? "govuk-tag--light-blue" : status === "Not started" ? "govuk-tag--blue" : status === "Breaks the rules" ? "govuk-tag--red" : "govuk-tag--grey";
  return (
    <div className="govuk-task-list__status" id={id}>
      <strong className={`govuk-tag ${colour}`}>{status}</strong>
    </div>
  );
}

/** The GOV.UK task list: a task links to its page unless `href` is null (it cannot be changed, or cannot start yet). */
export function TaskList({ tasks }: { tasks: Task[] }) {
  return (
    <ul className="govuk-task-list">
      {tasks.map((task) => {
        const statusId = `${task.slug}-status`;
        const hintId = `${task.slug}-hint`;
        return (
          <li key={task.slug} className={`govuk-task-list__item${task.href ? " govuk-task-list__item--with-link" : ""}`}>
            <div className="govuk-task-list__name-and-hint">
              {task.href ? (
                <Link className="govuk-link govuk-task-list__link" to={task.href} aria-describedby={[task.hint ? hintId : null, statusId].filter(Boolean).join(" ")}>
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
