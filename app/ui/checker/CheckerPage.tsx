import type { ReactNode } from "react";
import { BackLink } from "~/ui/govuk/components";

export const CHECKER_TITLE = "Check if a child needs a performance licence";

/** The frame of each checker page: a back link, then the content in two thirds of the width. */
export function CheckerPage({ back, children }: { back?: string; children: ReactNode }) {
  return (
    <>
      {back ? <BackLink to={back} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">{children}</div>
      </div>
    </>
  );
}

export function Caption() {
  return <span className="govuk-caption-l">{CHECKER_TITLE}</span>;
}

/** Sends the person back to check your answers after a change. */
export function ReturnTo({ fromCheck }: { fromCheck: boolean }) {
  return fromCheck ? <input type="hidden" name="returnTo" value="check" /> : null;
}

/** A page title from the loader's `question` (pages whose question names a date). */
export const questionTitle = (data: unknown) => (data as { question?: string } | undefined)?.question ?? CHECKER_TITLE;

