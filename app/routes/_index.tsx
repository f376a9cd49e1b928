import { Link } from "@remix-run/react";
import { StartButton } from "~/ui/govuk/components";

export const handle = { title: "Licences for children in performances and part-time work" };

export default function Index() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Licences for children in performances and part-time work</h1>
        <p className="govuk-body">Use this service to:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>apply for a licence for a child to perform, model or take part in paid sport</li>
          <li>apply for a permit for a child to work part-time</li>
          <li>apply to be a licensed chaperone, or renew your licence</li>
          <li>answer a council's question about a pupil's absence, if you work at a school</li>
          <li>check whether a licence is valid</li>
        </ul>
        <p className="govuk-body">Councils in England use it to decide applications and keep children safe.</p>
        <StartButton to="/register">Create an account</StartButton>
        <p className="govuk-body">
          If you already have an account,{" "}
          <Link className="govuk-link" to="/sign-in">
            sign in
          </Link>
          .
        </p>
        <h2 className="govuk-heading-m">Does a child need a licence to perform?</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to="/check-if-a-licence-is-needed">
            Check if a child needs a performance licence
          </Link>{" "}
          or can perform under an exemption. You do not need an account.
        </p>
        <h2 className="govuk-heading-m">If a child is in immediate danger</h2>
        <div className="govuk-inset-text">Call 999. Do not use this service to report an emergency.</div>
      </div>
    </div>
  );
}
