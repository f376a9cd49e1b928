import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDay } from "~/domain/calendar/dates";
import { type Basis, EXEMPTION_RULES, type LocalSettings } from "~/domain/exemptions/rules";
import { checkerResult, startAgain } from "~/server/checker.server";
import { answerDirectly, type DirectPage } from "~/server/direct-page.server";
import { APPLY_DAYS_BEFORE, CHECK_ANSWERS, stepPath } from "~/ui/checker/answers";
import { Caption, CheckerPage } from "~/ui/checker/CheckerPage";
import { Button, Table } from "~/ui/govuk/components";
import { Link } from "~/ui/govuk/link";
import { CsrfInput } from "~/ui/govuk/form";

const NEEDED = "The child needs a licence";
const NOT_NEEDED = "The child does not need a licence";
const MAX_EARLIER = EXEMPTION_RULES["EXEMPT-4DAY"].maxEarlierDays;

type ResultData = Awaited<ReturnType<typeof checkerResult>>;
const title = (data: ResultData) => (data.result.licenceRequired ? NEEDED : NOT_NEEDED);

export const handle = { title: (data: unknown) => (data ? title(data as ResultData) : NOT_NEEDED) };

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await checkerResult(request));
}

export const action = ({ request, context }: ActionFunctionArgs) => startAgain(request, context);

/** The page answered in front of Remix for a whole-page visit: the checker's busiest page (decision 034). */
export const direct: DirectPage = (request, context) => answerDirectly(request, context, { data: (r) => checkerResult(r), title, Page: ResultPage });

const BASIS: Record<Basis | "none", string> = {
  "four-day-rule": `The child can take part without a licence under the four-day rule: they are not paid beyond expenses, and before each performance date they have performed on no more than ${MAX_EARLIER} other days in the 6 months before it.`,
  bopa: "The child can take part without a licence because the organiser holds a body of persons approval (BOPA) and the child is not paid beyond expenses.",
  school: "The child can take part without a licence because the performance is arranged by their school and they are not paid.",
  "not-a-child": "The child is over compulsory school age on every performance date, so the law on licences for child performers does not apply.",
  none: "No exemption applies. A child can only perform without a licence under the four-day rule, under a body of persons approval (BOPA) or in a performance arranged by their school, and only if they are not paid beyond expenses.",
};

const allowed = (yes: boolean) => (yes ? "can" : "cannot");

function LocalRules({ postcode, authority, local }: { postcode: string; authority: { name: string } | null; local: LocalSettings }) {
  const rules = `under the four-day rule a child ${allowed(local.absenceAllowed)} miss school, and a performance ${allowed(local.broadcastAllowed)} be filmed or recorded for broadcast`;
  if (authority) return <p className="govuk-body">{`We used the local rules of ${authority.name}, the council for ${postcode}: ${rules}.`}</p>;
  const why = postcode ? `We could not find the council for ${postcode}` : "You did not give the child's postcode";
  return <p className="govuk-body">{`${why}, so we used the rules most councils follow: ${rules}.`}</p>;
}

export default function Result() {
  return <ResultPage {...useLoaderData<typeof loader>()} />;
}

/** The page, for Remix (above) and answered directly for a whole-page visit (decision 034). */
function ResultPage({ result, local, postcode, authority, paid, counts, firstDate, applyBy, late }: ResultData) {
  const needed = result.licenceRequired;
  const showCounts = !paid && (result.basis === "four-day-rule" || result.basis === null) && counts.length > 0;
  return (
    <CheckerPage back={stepPath(CHECK_ANSWERS)}>
      <Caption />
      <h1 className="govuk-heading-l">{needed ? NEEDED : NOT_NEEDED}</h1>
      <p className="govuk-body">{BASIS[result.basis ?? "none"]}</p>

      <h2 className="govuk-heading-m">{needed ? "Why the child needs a licence" : "Why the child does not need a licence"}</h2>
      <ul className="govuk-list govuk-list--bullet">
        {result.reasons.map((r) => (
          <li key={`${r.rule}-${r.date ?? ""}`}>
            {r.message}
            <span className="govuk-!-display-block govuk-!-font-size-16">Rule {r.rule}</span>
          </li>
        ))}
      </ul>

      {showCounts ? (
        <Table
          caption="Days counted for the four-day rule"
          head={["Performance date", "Other days in the 6 months before", "Days counted"]}
          rows={counts.map((c) => [formatDay(c.date), c.counted.length ? c.counted.map(formatDay).join(", ") : "None", String(c.counted.length)])}
        />
      ) : null}

      <LocalRules postcode={postcode} authority={authority} local={local} />

      <h2 className="govuk-heading-m">What to do next</h2>
      {needed ? (
        <>
          <p className="govuk-body">
            The producer (the person or organisation responsible for the production) applies for the licence to the council where the child lives
            {authority ? `, ${authority.name}` : ""}. They must apply at least {APPLY_DAYS_BEFORE} days before the first performance on {formatDay(firstDate)}
            , so by {formatDay(applyBy)}.
          </p>
          {late ? (
            <p className="govuk-body">
              That date has passed. The council may refuse an application made less than {APPLY_DAYS_BEFORE} days before the first performance, so apply as
              soon as possible.
            </p>
          ) : null}
          <p className="govuk-body">
            Producers{" "}
            <Link className="govuk-link" to="/producer">
              sign in to apply
            </Link>
            .
          </p>
        </>
      ) : result.basis === "not-a-child" ? (
        <p className="govuk-body">Nothing: no licence or record of the performance is needed.</p>
      ) : (
        <>
          <p className="govuk-body">
            The organiser records the exempt performance with the council.{" "}
            <Link className="govuk-link" to="/producer">
              Sign in to record it
            </Link>
            .
          </p>
          <p className="govuk-body">
            Keep a note of this result and of the days the child performs: they count towards the four-day rule for 6 months.
          </p>
          <p className="govuk-body">The rules on the child's hours and breaks still apply without a licence.</p>
        </>
      )}

      {/* A plain form: the page is also rendered without Remix's router, which its Form needs. */}
      <form method="post" noValidate>
        <CsrfInput />
        <Button secondary>Start again</Button>
      </form>
    </CheckerPage>
  );
}
