import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph, quote } from "./components/layout";

export type ChaperoneInformationRequestedProps = {
  name: string;
  /** The application reference, e.g. NMC-CA-2026-000001. */
  reference: string;
  /** What the officer needs, in their words. */
  message: string;
  authorityName: string;
  /** Where the applicant changes and resubmits the application. */
  url: string;
};

export const subject = (p: ChaperoneInformationRequestedProps) => `${p.reference}: more information needed for your chaperone application`;

export default function ChaperoneInformationRequested(p: ChaperoneInformationRequestedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} needs more information about your chaperone application`}>
      <Heading style={heading}>More information needed for your chaperone application</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} needs more information before it can decide your application to be a chaperone ({p.reference}):
      </Text>
      <Text style={quote}>{p.message}</Text>
      <Text style={paragraph}>
        Sign in to update your application and send it again:{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>If you have questions, contact the licensing team at {p.authorityName}.</Text>
    </EmailLayout>
  );
}

export const previewProps: ChaperoneInformationRequestedProps = {
  name: "Casey Candidate",
  reference: "NMC-CA-2026-000001",
  message: "Please upload a clearer scan of your passport: the photo page is cut off.",
  authorityName: "Northmere Council",
  url: "http://localhost:3000/chaperone",
};
