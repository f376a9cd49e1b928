import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type DocumentStatusChangedProps = {
  name: string;
  documentTitle: string;
  reference: string;
  /** "Suspended", "Valid" (reinstated) or "Revoked" */
  status: string;
  reason: string;
  authorityName: string;
  url: string;
};

export const subject = (p: DocumentStatusChangedProps) => `${p.reference}: your ${p.documentTitle.toLowerCase()} is now ${p.status.toLowerCase()}`;

export default function DocumentStatusChanged(p: DocumentStatusChangedProps) {
  return (
    <EmailLayout preview={`${p.reference} is now ${p.status.toLowerCase()}`}>
      <Heading style={heading}>
        Your {p.documentTitle.toLowerCase()} is now {p.status.toLowerCase()}
      </Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} has changed the status of {p.documentTitle.toLowerCase()} {p.reference} to: {p.status}.
      </Text>
      <Text style={paragraph}>Reason: {p.reason}</Text>
      <Text style={paragraph}>
        Anyone can check its status at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>If you have questions, contact the licensing team at {p.authorityName}.</Text>
    </EmailLayout>
  );
}

export const previewProps: DocumentStatusChangedProps = {
  name: "Charlie Chaperone",
  documentTitle: "Chaperone approval",
  reference: "NMC-CL-2026-000001",
  status: "Suspended",
  reason: "A concern has been referred to the LADO",
  authorityName: "Northmere Council",
  url: "http://localhost:3000/verify/NMC-CL-2026-000001",
};
