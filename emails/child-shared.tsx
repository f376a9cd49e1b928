import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type ChildSharedProps = {
  /** The parent. */
  name: string;
  childFirstName: string;
  organisationName: string;
  productionTitle: string;
  /** The child's page, where the parent can remove access. */
  url: string;
};

export const subject = (p: ChildSharedProps) => `${p.organisationName} can now see ${p.childFirstName}'s details`;

export default function ChildShared(p: ChildSharedProps) {
  return (
    <EmailLayout preview={`${p.organisationName} can now see ${p.childFirstName}'s details for ${p.productionTitle}`}>
      <Heading style={heading}>
        {p.organisationName} can now see {p.childFirstName}'s details
      </Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.organisationName} has used the share code you gave them. They can now see {p.childFirstName}'s details for {p.productionTitle}, so they can
        apply for a licence or record exempt performances.
      </Text>
      <Text style={paragraph}>
        You can remove their access at any time from {p.childFirstName}'s page:{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>If you did not give a share code to {p.organisationName}, remove their access and contact them or your council.</Text>
    </EmailLayout>
  );
}

export const previewProps: ChildSharedProps = {
  name: "Priya Parent",
  childFirstName: "Amelia",
  organisationName: "Footlights Productions Ltd",
  productionTitle: "Annie",
  url: "http://localhost:3000/children/00000000-0000-0000-0000-000000000000",
};
