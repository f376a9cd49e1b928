import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type LicenceProducerStartedProps = {
  /** The parent. */
  name: string;
  childFirstName: string;
  organisationName: string;
  productionTitle: string;
  authorityName: string;
  /** The child's page, where the parent fills in their part. */
  url: string;
};

export const subject = (p: LicenceProducerStartedProps) => `Fill in your part of ${p.childFirstName}'s licence application for ${p.productionTitle}`;

export default function LicenceProducerStarted(p: LicenceProducerStartedProps) {
  return (
    <EmailLayout preview={`${p.organisationName} has started a performance licence application for ${p.childFirstName}`}>
      <Heading style={heading}>Fill in your part of {p.childFirstName}'s licence application</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.organisationName} has started an application to {p.authorityName} for a licence for {p.childFirstName} to take part in {p.productionTitle}.
        They fill in the schedule, payment, education and chaperones. You fill in your part: {p.childFirstName}'s school, health, recent photograph,
        birth certificate and your consent.
      </Text>
      <Text style={paragraph}>
        Fill in your part from {p.childFirstName}'s page:{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>The application is sent to the council when both parts are complete.</Text>
    </EmailLayout>
  );
}

export const previewProps: LicenceProducerStartedProps = {
  name: "Priya Parent",
  childFirstName: "Amelia",
  organisationName: "Footlights Productions Ltd",
  productionTitle: "Spring showcase",
  authorityName: "Northmere Council",
  url: "http://localhost:3000/children/00000000-0000-0000-0000-000000000000",
};
