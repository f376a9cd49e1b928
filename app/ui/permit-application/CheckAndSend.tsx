import { formatDate } from "~/domain/calendar/dates";
import type { WeekPattern } from "#db/schema/employment";
import { Button, WarningText } from "../govuk/components";
import { ErrorSummaryBox, PostForm, type SummaryError } from "../govuk/form";
import { Findings, type FindingView } from "./Findings";
import { PermitAnswers } from "./PermitAnswers";

export type CheckView = {
  as: "employer" | "parent";
  canSubmit: boolean;
  editable: boolean;
  authorityName: string | null;
  lateIfSubmittedToday: boolean;
  problems: Record<string, string[]>;
  findings: FindingView[];
  employer: Parameters<typeof PermitAnswers>[0]["employer"] & { startDate: string | null; termPattern: WeekPattern | null; holidayPattern: WeekPattern | null };
  parent: Parameters<typeof PermitAnswers>[0]["parent"];
  child: Parameters<typeof PermitAnswers>[0]["child"];
};

/** Check your answers for the whole application, what stops it being sent, and the send button. */
export function CheckAndSend({ view, base, errors, links }: { view: CheckView; base: string; errors?: SummaryError[]; links: Record<string, string> }) {
  const problems = Object.entries(view.problems).flatMap(([key, messages]) => messages.map((text) => ({ href: links[key] ?? base, text })));
  return (
    <>
      {errors?.length ? <ErrorSummaryBox items={errors} /> : null}
      <span className="govuk-caption-l">Employment permit application</span>
      <h1 className="govuk-heading-l">Check your answers before sending the application</h1>
      {problems.length ? (
        <>
          <WarningText>You cannot send the application yet.</WarningText>
          <ul className="govuk-list govuk-list--bullet">
            {problems.map((p) => (
              <li key={p.text}>
                <a className="govuk-link" href={p.href}>
                  {p.text}
                </a>
              </li>
            ))}
          </ul>
          <Findings findings={view.findings} caption="What breaks the employment rules" />
        </>
      ) : null}
      <PermitAnswers
        employer={view.employer}
        parent={view.parent}
        child={view.child}
        authorityName={view.authorityName}
        as={view.as}
        changeBase={view.editable ? base : null}
      />
      {view.canSubmit ? (
        <>
          <h2 className="govuk-heading-m">Now send the application</h2>
          {view.lateIfSubmittedToday && view.employer.startDate ? (
            <WarningText>
              The child started on {formatDate(view.employer.startDate)}, more than 7 days ago. Employers must apply within 7 days of a child starting (EMPLOY-7DAYS),
              so the council will be told the application is late.
            </WarningText>
          ) : null}
          <p className="govuk-body">
            By sending this application you confirm that, to the best of your knowledge, the details you have given are correct. It goes to{" "}
            {view.authorityName}, where the work happens.
          </p>
          <PostForm>
            <Button>Send the application</Button>
          </PostForm>
        </>
      ) : null}
    </>
  );
}
