import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type ChaperoneReferenceRequestProps = {
  /** The referee. */
  name: string;
  applicantName: string;
  /** How the applicant said the referee knows them, e.g. "Former manager". */
  relationship: string;
  authorityName: string;
  /** The referee's own link to the reference form. */
  url: string;
  expiresInDays: number;
  /** e.g. "14 December 2026" */
  expiresOn: string;
};

export const subject = (p: ChaperoneReferenceRequestProps) => `Give a reference for ${p.applicantName}, who has applied to be a chaperone`;

export default function ChaperoneReferenceRequest(p: ChaperoneReferenceRequestProps) {
  return (
    <EmailLayout preview={`${p.applicantName} has named you as a referee`}>
      <Heading style={heading}>Give a reference for {p.applicantName}</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.applicantName} has applied to {p.authorityName} to be a chaperone for children taking part in performances and activities. They have
        named you as a referee ({p.relationship}).
      </Text>
      <Text style={paragraph}>A chaperone looks after children when their parents are not there, so the council needs to know whether you think they are suitable to work with children.</Text>
      <Text style={paragraph}>To give your reference, open this link. You do not need an account:</Text>
      <Text style={paragraph}>
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>
        The link expires in {p.expiresInDays} days, on {p.expiresOn}. It can only be used once. Do not forward this email.
      </Text>
      <Text style={paragraph}>If you do not know {p.applicantName}, or do not want to give a reference, contact the licensing team at {p.authorityName}.</Text>
    </EmailLayout>
  );
}

export const previewProps: ChaperoneReferenceRequestProps = {
  name: "Rita Referee",
  applicantName: "Casey Chaperone",
  relationship: "Former manager",
  authorityName: "Northmere Council",
  url: "http://localhost:3000/chaperone-references/example-token",
  expiresInDays: 14,
  expiresOn: "14 December 2026",
};
