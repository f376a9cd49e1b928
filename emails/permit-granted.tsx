import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph, quote } from "./components/layout";
import { longDate } from "./components/dates";

export type PermitGrantedProps = {
  name: string;
  /** Who this copy is for: the employer (the permit's holder) or the child's parent. */
  audience: "employer" | "parent";
  /** The permit's reference, e.g. NMC-EP-2026-000002. */
  reference: string;
  /** The application's reference, e.g. NMC-PE-2026-000001. */
  applicationReference: string;
  childName: string;
  businessName: string;
  job: string;
  authorityName: string;
  /** YYYY-MM-DD: the permit's first and last days (the last is the child's school leaving date). */
  validFrom: string;
  validTo: string;
  conditions: string[];
  /** The signed permit: /documents/{reference}.pdf */
  url: string;
  /** The public verification page. */
  verifyUrl: string;
};


export const subject = (p: PermitGrantedProps) => `${p.reference}: employment permit granted for ${p.childName}`;

const WHY: Record<PermitGrantedProps["audience"], string> = {
  employer: "Keep the permit while the child works for you, and tell the council if the job, the hours or the workplace change, or the job ends.",
  parent: "This is your copy of your child's permit.",
};

export default function PermitGranted(p: PermitGrantedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} has granted an employment permit for ${p.childName}`}>
      <Heading style={heading}>Employment permit granted</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} has granted application {p.applicationReference}. Permit {p.reference} allows {p.childName} to work for {p.businessName} ({p.job}) from{" "}
        {longDate(p.validFrom)} until {longDate(p.validTo)}, the child's school leaving date, within the hours on the permit. {WHY[p.audience]}
      </Text>
      <Text style={paragraph}>The permit has these conditions:</Text>
      {p.conditions.map((condition) => (
        <Text key={condition} style={quote}>
          {condition}
        </Text>
      ))}
      <Text style={paragraph}>
        Sign in to download the signed permit with the child's permit card:{" "}
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

export const previewProps: PermitGrantedProps = {
  name: "Erin Employer",
  audience: "employer",
  reference: "NMC-EP-2026-000002",
  applicationReference: "NMC-PE-2026-000001",
  childName: "Noah Example",
  businessName: "Corner Newsagents Ltd",
  job: "Delivering newspapers or leaflets",
  authorityName: "Northmere Council",
  validFrom: "2026-12-01",
  validTo: "2028-06-30",
  conditions: ["The child works only the hours shown in the schedule, and never during school hours.", "The child has a break of at least 1 hour after 4 hours' work."],
  url: "http://localhost:3000/documents/NMC-EP-2026-000002.pdf",
  verifyUrl: "http://localhost:3000/verify/NMC-EP-2026-000002",
};
