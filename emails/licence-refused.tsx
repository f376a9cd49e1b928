import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph, quote } from "./components/layout";

export type LicenceRefusedProps = {
  name: string;
  audience: "producer" | "parent";
  /** The application reference, e.g. NMC-PA-2026-000001. */
  reference: string;
  childName: string;
  productionTitle: string;
  organisationName: string;
  authorityName: string;
  reasons: string;
  /** The production's page (producer) or the child's page (parent). */
  url: string;
};

export const subject = (p: LicenceRefusedProps) => `${p.reference}: performance licence refused for ${p.childName}`;

export default function LicenceRefused(p: LicenceRefusedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} has refused a performance licence for ${p.childName}`}>
      <Heading style={heading}>Performance licence refused</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} has refused the application ({p.reference}) for a licence for {p.childName} to take part in {p.productionTitle} with {p.organisationName}.
      </Text>
      <Text style={paragraph}>The reasons are:</Text>
      <Text style={quote}>{p.reasons}</Text>
      <Heading as="h2" style={{ ...heading, fontSize: "24px" }}>
        Your right of appeal
      </Heading>
      <Text style={paragraph}>
        If you think the decision is wrong, you can appeal to a magistrates' court (Children and Young Persons Act 1963). You can also contact the licensing team at{" "}
        {p.authorityName} to talk about the decision or make a new application.
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

export const previewProps: LicenceRefusedProps = {
  name: "Pete Producer",
  audience: "producer",
  reference: "NMC-PA-2026-000001",
  childName: "Amelia Example",
  productionTitle: "Spring showcase",
  organisationName: "Footlights Productions Ltd",
  authorityName: "Northmere Council",
  reasons: "Amelia would miss 6 school days in a row with no education arranged, so her education would suffer.",
  url: "http://localhost:3000/producer/productions/00000000-0000-4000-8000-000000000000",
};
