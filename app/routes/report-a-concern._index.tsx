import { StartButton, WarningText } from "~/ui/govuk/components";

export const handle = { title: "Report a concern about an adult who works with children" };

/** The start page: the emergency warning comes first. */
export default function ReportAConcernStart() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Report a concern about an adult who works with children</h1>
        <WarningText>If a child is in immediate danger, call 999 now. Do not use this form.</WarningText>
        <p className="govuk-body">
          Use this form to tell a council about a chaperone, tutor, member of a production's crew, employer or any other adult who works with children
          in performances or jobs, if you think they have:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>harmed a child, or may have harmed a child</li>
          <li>possibly committed a criminal offence against or related to a child</li>
          <li>behaved towards a child in a way that suggests they may pose a risk of harm</li>
          <li>behaved in a way that suggests they may not be suitable to work with children</li>
        </ul>
        <p className="govuk-body">
          Your concern goes to the council's Local Authority Designated Officer (LADO), who must consider it within 1 working day. You do not need to be
          sure, or to have proof.
        </p>
        <p className="govuk-body">
          You'll get a reference number. To protect the child and everyone involved, we will not be able to tell you what happens next, but the LADO may
          contact you.
        </p>
        <p className="govuk-body">If you're worried about a child's safety at home, contact the council's children's services.</p>
        <StartButton to="/report-a-concern/details">Start now</StartButton>
      </div>
    </div>
  );
}
