import { Link } from "@remix-run/react";
import { STEPS, stepPath } from "~/ui/checker/answers";
import { CHECKER_TITLE } from "~/ui/checker/CheckerPage";
import { StartButton } from "~/ui/govuk/components";

export const handle = { title: CHECKER_TITLE };

export default function CheckerStart() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{CHECKER_TITLE}</h1>
        <p className="govuk-body">
          A child usually needs a licence from their council to take part in a performance, such as a play, a concert, filming, modelling or a paid sport
          event.
        </p>
        <p className="govuk-body">Use this service to find out if a child needs a licence for a performance, or if an exemption applies, for example:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>the four-day rule, for a child who is not paid and has performed on few other days</li>
          <li>a body of persons approval (BOPA) held by the organiser</li>
          <li>a performance arranged by the child's school</li>
        </ul>
        <p className="govuk-body">It takes about 5 minutes. You do not need to sign in, and we do not keep your answers after a day.</p>
        <h2 className="govuk-heading-m">Before you start</h2>
        <p className="govuk-body">You will need:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>the child's date of birth</li>
          <li>the dates of the performance</li>
          <li>the dates of any other performances in the 6 months before</li>
        </ul>
        <StartButton to={stepPath(STEPS[0].slug)}>Start now</StartButton>
        <p className="govuk-body">
          Producers apply for licences when they{" "}
          <Link className="govuk-link" to="/sign-in">
            sign in
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
