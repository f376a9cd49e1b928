import type { WeekPattern } from "#db/schema/employment";
import { useId } from "react";
import { DAY_NAMES, DAYS, describeDay, describeMinutes, weekMinutes } from "~/domain/employment/patternForm";
import { TableScroll } from "~/ui/govuk/components";

/** The usual hours of both weeks side by side, one row a day, with the week's total. */
export function PatternTable({ term, holiday, caption }: { term: WeekPattern | null; holiday: WeekPattern | null; caption: string }) {
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="govuk-table">
        <caption id={captionId} className="govuk-table__caption govuk-table__caption--s">
          {caption}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Day
            </th>
            <th scope="col" className="govuk-table__header">
              Term time
            </th>
            <th scope="col" className="govuk-table__header">
              School holidays
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {DAYS.map((day) => (
            <tr className="govuk-table__row" key={day}>
              <th scope="row" className="govuk-table__header">
                {DAY_NAMES[day]}
              </th>
              <td className="govuk-table__cell">{term ? describeDay(term[day]) : "Not given"}</td>
              <td className="govuk-table__cell">{holiday ? describeDay(holiday[day]) : "Not given"}</td>
            </tr>
          ))}
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              Each week
            </th>
            <td className="govuk-table__cell">{term ? describeMinutes(weekMinutes(term)) : ""}</td>
            <td className="govuk-table__cell">{holiday ? describeMinutes(weekMinutes(holiday)) : ""}</td>
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}
