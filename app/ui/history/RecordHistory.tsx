import { Table } from "../govuk/components";

type Event = { id: number; action: string; actorLabel: string; at: string; ip: string | null };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

/** A record's audit history for staff. */
export function RecordHistory({ events }: { events: Event[] }) {
  if (!events.length) return <p className="govuk-body">No changes have been recorded.</p>;
  return (
    <Table
      caption="History"
      head={["When", "What", "Who"]}
      rows={events.map((e) => [dateTime.format(new Date(e.at)), e.action, e.actorLabel])}
    />
  );
}
