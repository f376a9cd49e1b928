/** The confirmation page's "What happens next" for a permit application. */
export function WhatHappensNext({ authorityName, childName, late }: { authorityName: string; childName: string; late: boolean }) {
  return (
    <>
      <p className="govuk-body">We have emailed the employer and the child's parent to say the application has been sent.</p>
      <h2 className="govuk-heading-m">What happens next</h2>
      <p className="govuk-body">
        {authorityName} will check the job and its hours against the employment rules, and may ask {childName}'s school about attendance, health or welfare.
        We will email you when the council has decided. If it grants the permit, you can download it here.
      </p>
      {late ? (
        <p className="govuk-body">
          The application was sent more than 7 days after {childName} started work, so the council has been told it is late.
        </p>
      ) : null}
      <p className="govuk-body">If the job or its hours change, or it ends, tell the council.</p>
    </>
  );
}
