import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph, quote } from "./components/layout";

export type ChaperoneRefusedProps = {
  name: string;
  /** The application reference, e.g. NMC-CA-2026-000001. */
  reference: string;
  reasons: string;
  authorityName: string;
  /** The applicant's chaperone page. */
  url: string;
};

export const subject = (p: ChaperoneRefusedProps) => `${p.reference}: your chaperone application has been refused`;

export default function ChaperoneRefused(p: ChaperoneRefusedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} has refused your chaperone application`}>
      <Heading style={heading}>Your chaperone application has been refused</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>{p.authorityName} has refused your application to be a chaperone ({p.reference}).</Text>
      <Text style={paragraph}>The reasons are:</Text>
      <Text style={quote}>{p.reasons}</Text>
      <Text style={paragraph}>
        You can see your application at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>If you think the decision is wrong, or have questions, contact the licensing team at {p.authorityName}.</Text>
    </EmailLayout>
  );
}

export const previewProps: ChaperoneRefusedProps = {
  name: "Casey Candidate",
  reference: "NMC-CA-2026-000001",
  reasons: "One of your references raised concerns about your suitability to look after children.",
  authorityName: "Northmere Council",
  url: "http://localhost:3000/chaperone",
};
