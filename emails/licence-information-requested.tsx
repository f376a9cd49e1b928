import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph, quote } from "./components/layout";

export type LicenceInformationRequestedProps = {
  name: string;
  /** The producer replies; the parent is told what was asked. */
  audience: "producer" | "parent";
  /** The application reference, e.g. NMC-PA-2026-000001. */
  reference: string;
  childName: string;
  productionTitle: string;
  organisationName: string;
  authorityName: string;
  /** What the officer needs, in their words. */
  message: string;
  /** The producer's reply page, or the parent's page for the child. */
  url: string;
};

export const subject = (p: LicenceInformationRequestedProps) => `${p.reference}: more information needed for ${p.childName}'s performance licence`;

export default function LicenceInformationRequested(p: LicenceInformationRequestedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} needs more information about ${p.childName}'s performance licence application`}>
      <Heading style={heading}>More information needed</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} needs more information before it can decide the application for a licence for {p.childName} to take part in {p.productionTitle} (
        {p.reference}):
      </Text>
      <Text style={quote}>{p.message}</Text>
      {p.audience === "producer" ? (
        <Text style={paragraph}>
          Sign in to reply:{" "}
          <Link href={p.url} style={link}>
            {p.url}
          </Link>
        </Text>
      ) : (
        <>
          <Text style={paragraph}>
            {p.organisationName} has been asked to reply. If anything is about your part of the application, they may ask you for it, or you can contact the licensing
            team at {p.authorityName}.
          </Text>
          <Text style={paragraph}>
            See {p.childName}'s page:{" "}
            <Link href={p.url} style={link}>
              {p.url}
            </Link>
          </Text>
        </>
      )}
    </EmailLayout>
  );
}

export const previewProps: LicenceInformationRequestedProps = {
  name: "Pete Producer",
  audience: "producer",
  reference: "NMC-PA-2026-000001",
  childName: "Amelia Example",
  productionTitle: "Spring showcase",
  organisationName: "Footlights Productions Ltd",
  authorityName: "Northmere Council",
  message: "Please tell us who will tutor Amelia on the two school days she will miss, and for how many hours.",
  url: "http://localhost:3000/producer/applications/00000000-0000-4000-8000-000000000000/information",
};
