import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph, quote } from "./components/layout";

export type BopaRefusedProps = {
  name: string;
  /** The application reference, e.g. NMC-BP-2026-000001. */
  reference: string;
  organisationName: string;
  authorityName: string;
  reasons: string;
  /** The application in the producer's pages. */
  url: string;
};

export const subject = (p: BopaRefusedProps) => `${p.reference}: body of persons approval refused`;

export default function BopaRefused(p: BopaRefusedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} has refused the application for a body of persons approval`}>
      <Heading style={heading}>Your application for a body of persons approval has been refused</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} has refused the application from {p.organisationName} for a body of persons approval ({p.reference}).
      </Text>
      <Text style={paragraph}>The reasons are:</Text>
      <Text style={quote}>{p.reasons}</Text>
      <Text style={paragraph}>Children taking part in your performances will need a licence from the council where each child lives, unless another exemption applies.</Text>
      <Text style={paragraph}>
        You can see your application at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>If you have questions, contact the licensing team at {p.authorityName}.</Text>
    </EmailLayout>
  );
}

export const previewProps: BopaRefusedProps = {
  name: "Pete Producer",
  reference: "NMC-BP-2026-000001",
  organisationName: "Footlights Productions Ltd",
  authorityName: "Northmere Council",
  reasons: "The risk assessment does not cover the second venue.",
  url: "http://localhost:3000/producer/bopa/00000000-0000-4000-8000-000000000000",
};
