import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type ConcernForLadoProps = {
  /** The LADO. */
  name: string;
  reference: string;
  /** When the 1-working-day clock ends, e.g. "Tue 8 December 2026". */
  dueBy: string;
  authorityName: string;
  /** The LADO's page for the concern. */
  url: string;
};

export const subject = (p: ConcernForLadoProps) => `New concern about an adult working with children: ${p.reference}`;

/** Tells the LADO a concern has arrived; the details stay in the service. */
export default function ConcernForLado(p: ConcernForLadoProps) {
  return (
    <EmailLayout preview={`Decide by the end of ${p.dueBy}`}>
      <Heading style={heading}>A new concern has been received</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        A concern about an adult working with children has been raised with {p.authorityName} ({p.reference}). Decide whether it meets the threshold
        for a referral by the end of {p.dueBy}.
      </Text>
      <Text style={paragraph}>
        Read it at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: ConcernForLadoProps = {
  name: "Lara LADO",
  reference: "CON-7Q4K-2M9P",
  dueBy: "Tue 8 December 2026",
  authorityName: "Northmere Council",
  url: "http://localhost:3000/lado/cases/CON-7Q4K-2M9P",
};
