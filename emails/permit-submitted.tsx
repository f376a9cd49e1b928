import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";
import { longDate } from "./components/dates";

export type PermitSubmittedProps = {
  name: string;
  /** Who it is for: someone at the employer, or the child's parent. */
  to: "employer" | "parent";
  /** The application reference, e.g. NMC-PE-2026-000001. */
  reference: string;
  childName: string;
  businessName: string;
  /** The kind of work. */
  job: string;
  /** The council where the work happens, which decides. */
  authorityName: string;
  /** YYYY-MM-DD: the day the child starts (or started) work. */
  startDate: string;
  /** Sent more than `lateDays` days after the start date (EMPLOY-7DAYS). */
  late: boolean;
  lateDays: number;
  /** The application in the reader's own pages. */
  url: string;
};


export const subject = (p: PermitSubmittedProps) => `Child employment permit application ${p.reference} sent to ${p.authorityName}`;

export default function PermitSubmitted(p: PermitSubmittedProps) {
  return (
    <EmailLayout preview={`The application for ${p.childName}'s employment permit has been sent to ${p.authorityName}`}>
      <Heading style={heading}>Permit application sent</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        The application for a permit for {p.childName} to work for {p.businessName} ({p.job.toLowerCase()}) has been sent to {p.authorityName}. The reference
        is {p.reference}.
      </Text>
      {p.late ? (
        <Text style={paragraph}>
          The job started on {longDate(p.startDate)}. Employers must apply within {p.lateDays} days of a child starting work, so the council has been told the
          application is late.
        </Text>
      ) : null}
      <Text style={paragraph}>
        {p.authorityName} will check the job and its hours and decide whether to grant the permit. We will email you when the council has decided.
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

export const previewProps: PermitSubmittedProps = {
  name: "Priya Parent",
  to: "parent",
  reference: "NMC-PE-2026-000001",
  childName: "Noah Example",
  businessName: "Corner Newsagents Ltd",
  job: "Delivering newspapers or leaflets",
  authorityName: "Northmere Council",
  startDate: "2027-01-04",
  late: false,
  lateDays: 7,
  url: "http://localhost:3000/children/00000000-0000-4000-8000-000000000001/permits/00000000-0000-4000-8000-000000000000",
};
