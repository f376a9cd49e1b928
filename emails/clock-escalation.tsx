import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type ClockEscalationProps = {
  /** The officer, LADO or manager. */
  name: string;
  authorityName: string;
  /** Each item newly escalated: what it is, its reference, when it is (or was) due, and whether it has breached. */
  items: { what: string; reference: string; dueOn: string; breached: boolean }[];
  /** The desk that lists them. */
  url: string;
};

export const subject = (p: ClockEscalationProps) => {
  const breached = p.items.filter((i) => i.breached).length;
  return breached ? `${breached} overdue${p.items.length > breached ? `, ${p.items.length - breached} due soon` : ""}: ${p.authorityName}` : `${p.items.length} due within 2 working days: ${p.authorityName}`;
};

/** The daily escalation: items that will breach within 2 working days, and those that have; each once per stage. */
export default function ClockEscalation(p: ClockEscalationProps) {
  const breached = p.items.filter((i) => i.breached);
  const soon = p.items.filter((i) => !i.breached);
  const list = (items: ClockEscalationProps["items"]) =>
    items.map((i) => (
      <Text key={`${i.reference}-${i.what}`} style={paragraph}>
        {i.what}: {i.reference || "no reference"}, due {i.dueOn}
      </Text>
    ));
  return (
    <EmailLayout preview={`${p.items.length} statutory deadline${p.items.length === 1 ? "" : "s"} need attention`}>
      <Heading style={heading}>Deadlines that need attention</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      {breached.length ? (
        <>
          <Text style={paragraph}>These at {p.authorityName} have passed their deadline:</Text>
          {list(breached)}
        </>
      ) : null}
      {soon.length ? (
        <>
          <Text style={paragraph}>These at {p.authorityName} are due within 2 working days:</Text>
          {list(soon)}
        </>
      ) : null}
      <Text style={paragraph}>
        See them all, most urgent first, at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: ClockEscalationProps = {
  name: "Olive Officer",
  authorityName: "Northmere Council",
  items: [
    { what: "School answer overdue", reference: "NMC-PA-2026-000900", dueOn: "2026-12-04", breached: true },
    { what: "First performance soon, not decided", reference: "NMC-PA-2026-000101", dueOn: "2026-12-09", breached: false },
  ],
  url: "http://localhost:3000/officer",
};
