import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type LadoHoldPlacedProps = {
  /** The officer. */
  name: string;
  /** What is held, e.g. ["Performance licence application NMC-PA-2026-000101"]. */
  records: string[];
  /** Whose LADO placed the hold. */
  ladoAuthorityName: string;
  /** The officer's queue. */
  url: string;
};

export const subject = (p: LadoHoldPlacedProps) => `On hold – contact the LADO: ${p.records.length === 1 ? p.records[0] : `${p.records.length} records`}`;

/** Tells an officer what is on hold and whom to contact; never why. */
export default function LadoHoldPlaced(p: LadoHoldPlacedProps) {
  return (
    <EmailLayout preview={`Contact ${p.ladoAuthorityName}'s LADO before deciding`}>
      <Heading style={heading}>On hold – contact the LADO</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.ladoAuthorityName}'s Local Authority Designated Officer (LADO) has put {p.records.length === 1 ? "this" : "these"} on hold:
      </Text>
      {p.records.map((r) => (
        <Text key={r} style={paragraph}>
          {r}
        </Text>
      ))}
      <Text style={paragraph}>Don't grant or reinstate anything on hold until the LADO lifts the hold. Contact the LADO if you need to know more.</Text>
      <Text style={paragraph}>
        Your queue:{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: LadoHoldPlacedProps = {
  name: "Olive Officer",
  records: ["Chaperone licence NMC-CL-2026-000002", "Performance licence application NMC-PA-2026-000101"],
  ladoAuthorityName: "Northmere Council",
  url: "http://localhost:3000/officer",
};
