import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph, quote } from "./components/layout";

export type PermitRefusedProps = {
  name: string;
  audience: "employer" | "parent";
  /** The application's reference, e.g. NMC-PE-2026-000001. */
  reference: string;
  childName: string;
  businessName: string;
  job: string;
  authorityName: string;
  reasons: string;
  /** The employer's permits page, or the child's page for the parent. */
  url: string;
};

export const subject = (p: PermitRefusedProps) => `${p.reference}: employment permit refused for ${p.childName}`;

export default function PermitRefused(p: PermitRefusedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} has refused an employment permit for ${p.childName}`}>
      <Heading style={heading}>Employment permit refused</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} has refused the application ({p.reference}) for a permit for {p.childName} to work for {p.businessName} ({p.job}).
      </Text>
      <Text style={paragraph}>The reasons are:</Text>
      <Text style={quote}>{p.reasons}</Text>
      <Heading as="h2" style={{ ...heading, fontSize: "24px" }}>
        What happens next
      </Heading>
      <Text style={paragraph}>
        {p.childName} must not do this job without a permit. You can contact the child employment team at {p.authorityName} to talk about the decision, or make a new
        application once the reasons have been dealt with.
      </Text>
      <Text style={paragraph}>
        See the application:{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: PermitRefusedProps = {
  name: "Erin Employer",
  audience: "employer",
  reference: "NMC-PE-2026-000001",
  childName: "Noah Example",
  businessName: "Corner Newsagents Ltd",
  job: "Delivering newspapers or leaflets",
  authorityName: "Northmere Council",
  reasons: "The round starts at 06:30, before 7 am, which the byelaws do not allow.",
  url: "http://localhost:3000/employer",
};
