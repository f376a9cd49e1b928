import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type ChaperoneChangeReportedProps = {
  /** The officer. */
  name: string;
  chaperoneName: string;
  /** The approval reference, e.g. NMC-CL-2026-000001. */
  reference: string;
  /** What changed, e.g. "Arrest, conviction or caution". */
  change: string;
  /** YYYY-MM-DD. */
  happenedOn: string;
  /** Reported more than `lateAfterDays` after it happened. */
  late: boolean;
  lateAfterDays: number;
  authorityName: string;
  /** The officer's page for the report. */
  url: string;
};

export const subject = (p: ChaperoneChangeReportedProps) => `${p.reference}: ${p.chaperoneName} has reported a change${p.late ? " (late)" : ""}`;

export default function ChaperoneChangeReported(p: ChaperoneChangeReportedProps) {
  return (
    <EmailLayout preview={`${p.chaperoneName} has reported a change: ${p.change}`}>
      <Heading style={heading}>A chaperone has reported a change</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.chaperoneName}, approved by {p.authorityName} as a chaperone ({p.reference}), has told us about a change: {p.change.toLowerCase()}. They say it
        happened on {p.happenedOn}.
      </Text>
      {p.late ? <Text style={paragraph}>They reported it late: chaperones must tell the council within {p.lateAfterDays} days.</Text> : null}
      <Text style={paragraph}>
        Read the details and decide whether to suspend the approval at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: ChaperoneChangeReportedProps = {
  name: "Olive Officer",
  chaperoneName: "Casey Chaperone",
  reference: "NMC-CL-2026-000001",
  change: "Arrest, conviction or caution",
  happenedOn: "2026-11-10",
  late: true,
  lateAfterDays: 7,
  authorityName: "Northmere Council",
  url: "http://localhost:3000/officer/chaperones/changes/00000000-0000-0000-0000-000000000000",
};
