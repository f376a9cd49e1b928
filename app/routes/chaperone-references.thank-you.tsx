import { Panel } from "~/ui/govuk/components";

export const handle = { title: "Reference sent" };

/** Public: where a referee lands after sending their reference. */
export default function ReferenceSent() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="Reference sent">Thank you for your help</Panel>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">The council's licensing team will read your reference with the rest of the application. They may contact you if they have questions.</p>
        <p className="govuk-body">You do not need to do anything else. You can close this page.</p>
      </div>
    </div>
  );
}
