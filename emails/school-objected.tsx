import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type SchoolObjectedProps = {
  /** The officer. */
  name: string;
  /** A performance licence application (absence from school), or an employment permit (the child working). */
  about?: "performance" | "permit";
  /** The application reference, e.g. NMC-PA-2026-000001. */
  reference: string;
  childName: string;
  schoolName: string;
  /** "Education", "Health", "Welfare". */
  grounds: string[];
  /** The head teacher or the person they authorised. */
  respondedByName: string;
  /** The officer's page for the application. */
  url: string;
};

export const subject = (p: SchoolObjectedProps) =>
  p.about === "permit" ? `${p.reference}: the school has a concern about ${p.childName} working` : `${p.reference}: the school objects to ${p.childName}'s absence`;

/** The reasons stay in the service: the officer reads them on the application page. */
export default function SchoolObjected(p: SchoolObjectedProps) {
  const grounds = p.grounds.map((g) => g.toLowerCase()).join(", ");
  const permit = p.about === "permit";
  return (
    <EmailLayout preview={`${p.schoolName} ${permit ? "has a concern" : "objects"} on ${grounds} grounds`}>
      <Heading style={heading}>{permit ? "The school has a concern about a child working" : "The school objects to a child's absence"}</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {permit
          ? `${p.respondedByName} of ${p.schoolName} has a concern about the employment permit application for ${p.childName} (${p.reference}), on ${grounds} grounds.`
          : `${p.respondedByName} of ${p.schoolName} objects to the absence from school in the performance licence application for ${p.childName} (${p.reference}), on ${grounds} grounds.`}
      </Text>
      <Text style={paragraph}>
        {permit ? "Consider it before you decide. " : "Your decision must answer the school's objection. "}Read the school's reasons on the {permit ? "permit" : "application"} page
        at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: SchoolObjectedProps = {
  name: "Olive Officer",
  reference: "NMC-PA-2026-000002",
  childName: "Oliver Example",
  schoolName: "Northmere Primary School",
  grounds: ["Education", "Welfare"],
  respondedByName: "Hannah Head",
  url: "http://localhost:3000/officer/licences/00000000-0000-0000-0000-000000000000",
};
