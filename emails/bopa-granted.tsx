import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph, quote } from "./components/layout";
import { longDate } from "./components/dates";

export type BopaGrantedProps = {
  name: string;
  /** The approval's reference, e.g. NMC-BA-2026-000002. */
  reference: string;
  applicationReference: string;
  organisationName: string;
  authorityName: string;
  /** YYYY-MM-DD */
  validFrom: string;
  validTo: string;
  conditions: string[];
  /** The application in the producer's pages, where the approval can be downloaded. */
  url: string;
  /** The public verification page. */
  verifyUrl: string;
};


export const subject = (p: BopaGrantedProps) => `${p.reference}: body of persons approval granted`;

export default function BopaGranted(p: BopaGrantedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} has granted ${p.organisationName} a body of persons approval`}>
      <Heading style={heading}>Your body of persons approval has been granted</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} has granted application {p.applicationReference}. Approval {p.reference} for {p.organisationName} is valid from {longDate(p.validFrom)} to{" "}
        {longDate(p.validTo)}.
      </Text>
      <Text style={paragraph}>The approval has these conditions:</Text>
      {p.conditions.map((condition) => (
        <Text key={condition} style={quote}>
          {condition}
        </Text>
      ))}
      <Text style={paragraph}>
        Sign in to download the signed approval:{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>
        Anyone can check it at{" "}
        <Link href={p.verifyUrl} style={link}>
          {p.verifyUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: BopaGrantedProps = {
  name: "Pete Producer",
  reference: "NMC-BA-2026-000002",
  applicationReference: "NMC-BP-2026-000001",
  organisationName: "Footlights Productions Ltd",
  authorityName: "Northmere Council",
  validFrom: "2027-01-10",
  validTo: "2027-12-20",
  conditions: ["No payment is made to any child or to anyone for a child, beyond expenses.", "The council may inspect any performance or rehearsal."],
  url: "http://localhost:3000/producer/bopa/00000000-0000-4000-8000-000000000000",
  verifyUrl: "http://localhost:3000/verify/NMC-BA-2026-000002",
};
