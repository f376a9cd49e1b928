import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type ConcernReceivedProps = {
  /** The person who raised the concern. */
  name: string;
  /** e.g. CON-7Q4K-2M9P */
  reference: string;
  authorityName: string;
  /** The page to raise another concern. */
  url: string;
};

export const subject = (p: ConcernReceivedProps) => `We have received your concern: ${p.reference}`;

/** The acknowledgement: the reference and nothing about the case. */
export default function ConcernReceived(p: ConcernReceivedProps) {
  return (
    <EmailLayout preview={`Your reference is ${p.reference}`}>
      <Heading style={heading}>We have received your concern</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        Thank you for telling us. Your reference is {p.reference}. {p.authorityName}'s Local Authority Designated Officer (LADO) will read it and decide
        what needs to happen.
      </Text>
      <Text style={paragraph}>
        To protect everyone involved, we cannot tell you what happens next. The LADO may contact you if they need to know more. Quote your reference if
        you contact the council about it.
      </Text>
      <Text style={paragraph}>If a child is in immediate danger, call 999.</Text>
      <Text style={paragraph}>
        If anything else worries you, report it at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: ConcernReceivedProps = {
  name: "Pat Parent",
  reference: "CON-7Q4K-2M9P",
  authorityName: "Northmere Council",
  url: "http://localhost:3000/report-a-concern",
};
