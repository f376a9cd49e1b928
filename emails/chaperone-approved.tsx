import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";
import { longDate } from "./components/dates";

export type ChaperoneApprovedProps = {
  name: string;
  /** The licence reference, e.g. NMC-CL-2026-000002. */
  reference: string;
  applicationReference: string;
  /** YYYY-MM-DD */
  validFrom: string;
  validTo: string;
  restrictions: string | null;
  authorityName: string;
  /** Where the chaperone downloads the licence and ID card. */
  url: string;
  /** The public verification page. */
  verifyUrl: string;
};


export const subject = (p: ChaperoneApprovedProps) => `${p.reference}: you are approved as a chaperone`;

export default function ChaperoneApproved(p: ChaperoneApprovedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} has approved you as a chaperone until ${longDate(p.validTo)}`}>
      <Heading style={heading}>You are approved as a chaperone</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} has approved your application {p.applicationReference}. Your chaperone approval {p.reference} is valid from {longDate(p.validFrom)} to{" "}
        {longDate(p.validTo)}.
      </Text>
      {p.restrictions ? <Text style={paragraph}>You may act as a chaperone only within these restrictions: {p.restrictions}</Text> : null}
      <Text style={paragraph}>
        Sign in to download your approval and photo ID card:{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>
        Anyone can check your approval at{" "}
        <Link href={p.verifyUrl} style={link}>
          {p.verifyUrl}
        </Link>
      </Text>
      <Text style={paragraph}>
        You must tell {p.authorityName} within 7 days of any arrest, caution or conviction, serious illness, or change of name, address or phone number.
      </Text>
    </EmailLayout>
  );
}

export const previewProps: ChaperoneApprovedProps = {
  name: "Casey Candidate",
  reference: "NMC-CL-2026-000002",
  applicationReference: "NMC-CA-2026-000001",
  validFrom: "2026-11-23",
  validTo: "2029-11-22",
  restrictions: "Only children aged 10 or over",
  authorityName: "Northmere Council",
  url: "http://localhost:3000/chaperone",
  verifyUrl: "http://localhost:3000/verify/NMC-CL-2026-000002",
};
