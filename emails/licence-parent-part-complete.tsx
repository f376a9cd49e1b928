import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type LicenceParentPartCompleteProps = {
  /** The producer's name. */
  name: string;
  childName: string;
  productionTitle: string;
  organisationName: string;
  /** Whether the producer's own part is complete too, so the application can be sent. */
  producerPartComplete: boolean;
  /** The application in the producer's pages (its submit page when both parts are complete). */
  url: string;
};

export const subject = (p: LicenceParentPartCompleteProps) => `${p.childName}'s parent has completed their part of the licence application`;

export default function LicenceParentPartComplete(p: LicenceParentPartCompleteProps) {
  return (
    <EmailLayout preview={`${p.childName}'s parent has completed their part of the application for ${p.productionTitle}`}>
      <Heading style={heading}>The parent's part is complete</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.childName}'s parent has completed and confirmed their part of the performance licence application for {p.productionTitle} ({p.organisationName}).
      </Text>
      <Text style={paragraph}>
        {p.producerPartComplete
          ? "Your part is complete too, so you can now send the application to the council."
          : "Complete your part of the application, then send it to the council."}
      </Text>
      <Text style={paragraph}>
        Go to the application at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: LicenceParentPartCompleteProps = {
  name: "Pete Producer",
  childName: "Amelia Example",
  productionTitle: "Spring showcase",
  organisationName: "Footlights Productions Ltd",
  producerPartComplete: true,
  url: "http://localhost:3000/producer/applications/00000000-0000-4000-8000-000000000000/submit",
};
