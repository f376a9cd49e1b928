import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";
import { longDate } from "./components/dates";

export type BopaSubmittedProps = {
  name: string;
  /** The application reference, e.g. NMC-BP-2026-000001. */
  reference: string;
  organisationName: string;
  /** The host council. */
  authorityName: string;
  /** YYYY-MM-DD */
  periodFrom: string;
  periodTo: string;
  /** Received less than `lateDays` days before the first performance (BOPA-21). */
  late: boolean;
  lateDays: number;
  /** The application in the producer's pages. */
  url: string;
};


export const subject = (p: BopaSubmittedProps) => `Body of persons approval application ${p.reference} received`;

export default function BopaSubmitted(p: BopaSubmittedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} has received your application for a body of persons approval`}>
      <Heading style={heading}>We have received your application for a body of persons approval</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} has received the application from {p.organisationName} for a body of persons approval from {longDate(p.periodFrom)} to {longDate(p.periodTo)}.
        Your reference is {p.reference}.
      </Text>
      {p.late ? (
        <Text style={paragraph}>
          The first performance is less than {p.lateDays} days away. The council will try to decide in time, but may not be able to. Children must not perform under
          the approval until it is granted.
        </Text>
      ) : null}
      <Text style={paragraph}>A licensing officer will read your application, policy and risk assessment. We will email you when they have decided.</Text>
      <Text style={paragraph}>
        You can see your application at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: BopaSubmittedProps = {
  name: "Pete Producer",
  reference: "NMC-BP-2026-000001",
  organisationName: "Footlights Productions Ltd",
  authorityName: "Northmere Council",
  periodFrom: "2027-01-10",
  periodTo: "2027-12-20",
  late: true,
  lateDays: 21,
  url: "http://localhost:3000/producer/bopa/00000000-0000-4000-8000-000000000000",
};
