import type { ReferralClock } from "~/domain/safeguarding/rules";
import { formatDate } from "../documents/PublicDocumentSummary";
import { Tag } from "../govuk/components";

const COLOURS = { overdue: "red", "due-today": "orange", due: "blue", met: "green", missed: "red" } as const;

/** The LADO-1WD clock: overdue ones in red. */
export function ClockTag({ clock }: { clock: ReferralClock }) {
  return (
    <>
      <Tag colour={COLOURS[clock.state]}>{clock.label}</Tag>{" "}
      <span className="govuk-body-s">{clock.state === "met" || clock.state === "missed" ? `due ${formatDate(clock.dueOn)}` : `by the end of ${formatDate(clock.dueOn)}`}</span>
    </>
  );
}
