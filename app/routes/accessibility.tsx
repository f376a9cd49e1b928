export const handle = { title: "Accessibility statement" };

export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility statement for the child licensing service</h1>
        <p className="govuk-body">
          This service is run by local councils in England. We want as many people as possible to be able to use it. For example, you should be able to:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate most of the service using just a keyboard or speech recognition software</li>
          <li>listen to most of the service using a screen reader</li>
          <li>use every page with JavaScript switched off</li>
        </ul>
        <p className="govuk-body">The service uses the GOV.UK Design System, whose components are tested with assistive technologies.</p>
        <h2 className="govuk-heading-m">How accessible this service is</h2>
        <p className="govuk-body">
          Every page is checked automatically against the Web Content Accessibility Guidelines (WCAG) 2.2 level AA with the axe tool as part of our tests. Automated checks do not find every problem; a full manual audit has not been done yet.
        </p>
        <h2 className="govuk-heading-m">Feedback and contact information</h2>
        <p className="govuk-body">
          If you need information in a different format, or you find a problem not listed here, contact the licensing team at your council. We will reply within 10 working days.
        </p>
        <h2 className="govuk-heading-m">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).
        </p>
        <h2 className="govuk-heading-m">Compliance status</h2>
        <p className="govuk-body">This service is partially compliant with WCAG 2.2 AA until a manual audit has been completed.</p>
      </div>
    </div>
  );
}
