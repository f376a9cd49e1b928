import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDay, formatDate } from "~/domain/calendar/dates";
import { requireAllAnswers } from "~/server/checker.server";
import { firstDate, RESULT, type StepSlug, sortedDates, stepPath } from "~/ui/checker/answers";
import { CheckerPage } from "~/ui/checker/CheckerPage";
import { words, YES_NO_QUESTIONS, type YesNoSlug } from "~/ui/checker/questions";
import { SummaryList, type SummaryRow } from "~/ui/govuk/components";

export const handle = { title: "Check your answers" };

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ answers: await requireAllAnswers(request) });
}

function Dates({ dates }: { dates: string[] }) {
  return (
    <ul className="govuk-list">
      {sortedDates(dates).map((d) => (
        <li key={d}>{formatDay(d)}</li>
      ))}
    </ul>
  );
}

export default function CheckAnswers() {
  const { answers: a } = useLoaderData<typeof loader>();
  const first = firstDate(a);
  const change = (slug: StepSlug, hidden: string) => ({ to: stepPath(slug, true), label: "Change", hidden });
  const yesNo = (slug: YesNoSlug): SummaryRow => {
    const q = YES_NO_QUESTIONS[slug];
    return { key: words(q.summary, first), value: a[q.key] ? "Yes" : "No", action: change(slug, `your answer to: ${words(q.question, first)}`) };
  };
  const rows: SummaryRow[] = [
    { key: "Child's postcode", value: a.postcode || "Not known", action: change("where-does-the-child-live", "where the child lives") },
    { key: "Date of birth", value: formatDate(a.dateOfBirth ?? ""), action: change("date-of-birth", "the child's date of birth") },
    { key: "Performance dates", value: <Dates dates={a.dates} />, action: change("performance-dates", "the performance dates") },
    yesNo("performed-before"),
    ...(a.performedBefore ? [{ key: "Other days performed", value: <Dates dates={a.earlierDates} />, action: change("earlier-dates", "the other days performed") }] : []),
    yesNo("payment"),
    yesNo("school"),
    yesNo("bopa"),
    yesNo("broadcast"),
    yesNo("time-off-school"),
  ];
  return (
    <CheckerPage back={stepPath("time-off-school")}>
      <h1 className="govuk-heading-l">Check your answers</h1>
      <SummaryList rows={rows} />
      <Link to={stepPath(RESULT)} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
        Get result
      </Link>
    </CheckerPage>
  );
}
