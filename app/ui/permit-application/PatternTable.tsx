import type { WeekPattern } from "#db/schema/employment";
import { DAY_NAMES, DAYS, describeDay, describeMinutes, weekMinutes } from "~/domain/employment/patternForm";
import { Table } from "~/ui/govuk/components";

/** The usual hours of both weeks side by side, one row a day, with the week's total. */
export function PatternTable({ term, holiday, caption }: { term: WeekPattern | null; holiday: WeekPattern | null; caption: string }) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      rowHeaders
      head={["Day", "Term time", "School holidays"]}
      rows={[
        ...DAYS.map((day) => [DAY_NAMES[day], term ? describeDay(term[day]) : "Not given", holiday ? describeDay(holiday[day]) : "Not given"]),
        ["Each week", term ? describeMinutes(weekMinutes(term)) : "", holiday ? describeMinutes(weekMinutes(holiday)) : ""],
      ]}
    />
  );
}
