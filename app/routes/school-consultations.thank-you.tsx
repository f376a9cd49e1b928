import { Panel } from "~/ui/govuk/components";

export const handle = { title: "Answer sent" };

/** Public: where the school lands after answering by its emailed link. */
export default function ConsultationAnswered() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="Answer sent">Thank you for giving the school's view</Panel>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          The council's licensing officer considers the school's view with the rest of the application. If the school objects, the decision must answer
          the objection.
        </p>
        <p className="govuk-body">If the licence is granted, the school is sent a copy. You do not need to do anything else. You can close this page.</p>
      </div>
    </div>
  );
}
