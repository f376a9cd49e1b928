import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type ExemptPerformanceRecordedProps = {
  name: string;
  childName: string;
  organisationName: string;
  productionTitle: string;
  dates: string[];
  basis: string;
  /** The exemption record document, e.g. NMC-EX-2026-000002. */
  reference: string;
  /** The child's page, with the performance-day record. */
  url: string;
};

export const subject = (p: ExemptPerformanceRecordedProps) => `${p.childName}'s performance in ${p.productionTitle} has been recorded`;

export default function ExemptPerformanceRecorded(p: ExemptPerformanceRecordedProps) {
  return (
    <EmailLayout preview={`${p.organisationName} recorded ${p.childName}'s performance days`}>
      <Heading style={heading}>Performance days recorded for {p.childName}</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.organisationName} has recorded that {p.childName} will perform in {p.productionTitle} without a licence, under this exemption:{" "}
        {p.basis}.
      </Text>
      <Text style={paragraph}>Dates: {p.dates.join(", ")}.</Text>
      <Text style={paragraph}>
        These days are now on {p.childName}'s performance record, which councils use to check the four-day rule. The exemption record is{" "}
        {p.reference}. You can see the record at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>If this is wrong, contact {p.organisationName}, or the licensing team at your council.</Text>
    </EmailLayout>
  );
}

export const previewProps: ExemptPerformanceRecordedProps = {
  name: "Pat Parent",
  childName: "Amelia",
  organisationName: "Footlights Productions Ltd",
  productionTitle: "Spring showcase",
  dates: ["Sat 13 March 2027", "Sun 14 March 2027"],
  basis: "Four-day rule",
  reference: "NMC-EX-2026-000002",
  url: "http://localhost:3000/children/00000000-0000-0000-0000-000000000000",
};
