import { formatDate } from "~/domain/calendar/dates";
import type { ReferralClock } from "~/domain/safeguarding/rules";
import { Tag } from "../govuk/components";

const TAGS = {
  due: { text: "Due", colour: "blue" },
  "due-today": { text: "Due today", colour: "orange" },
  overdue: { text: "Overdue", colour: "red" },
  met: { text: "Referred in time", colour: "green" },
  missed: { text: "Referred late", colour: "red" },
} as const;

/** The LADO-1WD clock: overdue ones in red, with the day it runs out. */
export function ClockTag({ clock }: { clock: ReferralClock }) {
  const tag = TAGS[clock.state];
  return (
    <>
      <Tag colour={tag.colour}>{tag.text}</Tag>
      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">
        {clock.state === "met" || clock.state === "missed" ? `Due by ${formatDate(clock.dueOn)}` : `By the end of ${formatDate(clock.dueOn)}`}
      </span>
    </>
  );
}
