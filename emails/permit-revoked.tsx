import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph, quote } from "./components/layout";

export type PermitRevokedProps = {
  name: string;
  audience: "employer" | "parent";
  /** The permit's reference, e.g. NMC-EP-2026-000002. */
  reference: string;
  childName: string;
  businessName: string;
  job: string;
  authorityName: string;
  reasons: string;
  /** The public verification page, which now shows the permit as revoked. */
  url: string;
};

export const subject = (p: PermitRevokedProps) => `${p.reference}: employment permit revoked for ${p.childName}`;

const NEXT: Record<PermitRevokedProps["audience"], string> = {
  employer: "You must stop employing the child in this job from today.",
  parent: "Your child must stop doing this job from today.",
};

export default function PermitRevoked(p: PermitRevokedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} has revoked the employment permit for ${p.childName}`}>
      <Heading style={heading}>Employment permit revoked</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} has revoked permit {p.reference} for {p.childName} to work for {p.businessName} ({p.job}). {NEXT[p.audience]}
      </Text>
      <Text style={paragraph}>The reasons are:</Text>
      <Text style={quote}>{p.reasons}</Text>
      <Text style={paragraph}>You can contact the child employment team at {p.authorityName} to talk about the decision.</Text>
      <Text style={paragraph}>
        Anyone checking the permit now sees that it is revoked:{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: PermitRevokedProps = {
  name: "Priya Parent",
  audience: "parent",
  reference: "NMC-EP-2026-000002",
  childName: "Noah Example",
  businessName: "Corner Newsagents Ltd",
  job: "Delivering newspapers or leaflets",
  authorityName: "Northmere Council",
  reasons: "Noah's school attendance has fallen since he started the round, and he has been late most mornings.",
  url: "http://localhost:3000/verify/NMC-EP-2026-000002",
};
