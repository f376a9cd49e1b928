import type { ReactNode } from "react";
import { BackLink } from "~/ui/govuk/components";

/** The frame of each question page of the chaperone application: a back link, the caption and the content. */
export function QuestionPage({ returnTo, children }: { returnTo: string | null; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={returnTo === "check" ? "/chaperone/application/check" : "/chaperone/application"} />
        {children}
      </div>
    </div>
  );
}

export function Caption() {
  return <span className="govuk-caption-l">Apply to be a chaperone</span>;
}

/** Tells the action where to go after saving: back to check your answers when the person came from there. */
export function ReturnTo({ returnTo }: { returnTo: string | null }) {
  return returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null;
}

export function SaveButton() {
  return (
    <button type="submit" className="govuk-button" data-module="govuk-button">
      Save and continue
    </button>
  );
}
