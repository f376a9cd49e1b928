import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type ChaperoneApplicationSubmittedProps = {
  name: string;
  reference: string;
  authorityName: string;
  refereeNames: string[];
  /** The applicant's chaperone page, where they can see the progress of the application. */
  url: string;
};

export const subject = (p: ChaperoneApplicationSubmittedProps) => `Chaperone application ${p.reference} received`;

export default function ChaperoneApplicationSubmitted(p: ChaperoneApplicationSubmittedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} has received your application to be a chaperone`}>
      <Heading style={heading}>We have received your application to be a chaperone</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} has received your application. Your reference is {p.reference}.
      </Text>
      <Text style={paragraph}>
        We have emailed your referees{p.refereeNames.length ? ` (${p.refereeNames.join(" and ")})` : ""} a link to give you a reference. Let them know to expect it.
      </Text>
      <Text style={paragraph}>
        The council will check your identity and DBS certificate, read your references and invite you to an interview. They will email you if they need anything else, and when they have decided.
      </Text>
      <Text style={paragraph}>
        You can see the progress of your application at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: ChaperoneApplicationSubmittedProps = {
  name: "Casey Chaperone",
  reference: "NMC-CA-2026-000001",
  authorityName: "Northmere Council",
  refereeNames: ["Rita Referee", "Ravi Referee"],
  url: "http://localhost:3000/chaperone",
};
