import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";
import { longDate } from "./components/dates";

export type LicenceSubmittedProps = {
  name: string;
  /** Who it is for: the producer who sent it, or the child's parent. */
  to: "producer" | "parent";
  /** The application reference, e.g. NMC-PA-2026-000001. */
  reference: string;
  childName: string;
  productionTitle: string;
  organisationName: string;
  /** The child's home council, which decides. */
  authorityName: string;
  /** YYYY-MM-DD: the first performance or rehearsal. */
  firstDay: string;
  /** Received less than `lateDays` days before the first day (PERF-APP-21). */
  late: boolean;
  lateDays: number;
  /** The application in the reader's own pages. */
  url: string;
};


export const subject = (p: LicenceSubmittedProps) => `Performance licence application ${p.reference} sent to ${p.authorityName}`;

export default function LicenceSubmitted(p: LicenceSubmittedProps) {
  return (
    <EmailLayout preview={`${p.childName}'s performance licence application has been sent to ${p.authorityName}`}>
      <Heading style={heading}>Performance licence application sent</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.to === "parent" ? p.organisationName : "You"} sent the application for a licence for {p.childName} to take part in {p.productionTitle} to{" "}
        {p.authorityName}. The reference is {p.reference}.
      </Text>
      {p.late ? (
        <Text style={paragraph}>
          The first day is {longDate(p.firstDay)}, less than {p.lateDays} days away. The council may refuse an application it receives this late, or may not be
          able to decide in time. {p.childName} must not take part until the licence is granted.
        </Text>
      ) : null}
      <Text style={paragraph}>
        {p.authorityName} will decide whether to grant the licence. If {p.childName} would miss school, the council asks the school for its view first. We will
        email you when the council has decided.
      </Text>
      <Text style={paragraph}>
        You can see the application at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: LicenceSubmittedProps = {
  name: "Priya Parent",
  to: "parent",
  reference: "NMC-PA-2026-000001",
  childName: "Amelia Example",
  productionTitle: "Spring showcase",
  organisationName: "Footlights Productions Ltd",
  authorityName: "Northmere Council",
  firstDay: "2027-03-01",
  late: false,
  lateDays: 21,
  url: "http://localhost:3000/children/00000000-0000-4000-8000-000000000001/applications/00000000-0000-4000-8000-000000000000",
};
