import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph, quote } from "./components/layout";
import { longDate } from "./components/dates";

export type LicenceGrantedProps = {
  name: string;
  /** Who this copy is for: the licence holder, the parent, the child's school or the council where the performances are. */
  audience: "producer" | "parent" | "school" | "host-authority";
  /** The licence's reference, e.g. NMC-PL-2026-000002. */
  reference: string;
  applicationReference: string;
  childName: string;
  productionTitle: string;
  organisationName: string;
  authorityName: string;
  /** YYYY-MM-DD: the first and last licensed days. */
  firstDate: string;
  lastDate: string;
  conditions: string[];
  /** The council's answer to the school's objection, in the school's copy. */
  objectionAnswer?: string | null;
  /** The signed licence: /documents/{reference}.pdf */
  url: string;
  /** The public verification page. */
  verifyUrl: string;
};


export const subject = (p: LicenceGrantedProps) => `${p.reference}: performance licence granted for ${p.childName}`;

const WHY: Record<LicenceGrantedProps["audience"], string> = {
  producer: "You hold this licence for the production.",
  parent: "This is your copy of your child's licence.",
  school: "The council sends the child's school a copy of every licence it grants.",
  "host-authority": "The performances are in your council's area, so the council that granted the licence sends you a copy.",
};

export default function LicenceGranted(p: LicenceGrantedProps) {
  return (
    <EmailLayout preview={`${p.authorityName} has granted a performance licence for ${p.childName}`}>
      <Heading style={heading}>Performance licence granted</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.authorityName} has granted application {p.applicationReference}. Licence {p.reference} allows {p.childName} to take part in {p.productionTitle} with{" "}
        {p.organisationName} from {longDate(p.firstDate)} to {longDate(p.lastDate)}. {WHY[p.audience]}
      </Text>
      {p.objectionAnswer ? (
        <>
          <Text style={paragraph}>The council's answer to the school's objection:</Text>
          <Text style={quote}>{p.objectionAnswer}</Text>
        </>
      ) : null}
      <Text style={paragraph}>The licence has these conditions:</Text>
      {p.conditions.map((condition) => (
        <Text key={condition} style={quote}>
          {condition}
        </Text>
      ))}
      <Text style={paragraph}>
        Sign in to download the signed licence:{" "}
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

export const previewProps: LicenceGrantedProps = {
  name: "Pete Producer",
  audience: "producer",
  reference: "NMC-PL-2026-000002",
  applicationReference: "NMC-PA-2026-000001",
  childName: "Amelia Example",
  productionTitle: "Spring showcase",
  organisationName: "Footlights Productions Ltd",
  authorityName: "Northmere Council",
  firstDate: "2027-03-06",
  lastDate: "2027-03-07",
  conditions: ["The child is supervised at all times by the named parent or approved chaperone.", "Daily records are kept for 6 months."],
  objectionAnswer: null,
  url: "http://localhost:3000/documents/NMC-PL-2026-000002.pdf",
  verifyUrl: "http://localhost:3000/verify/NMC-PL-2026-000002",
};
