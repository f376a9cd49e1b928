import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph, quote } from "./components/layout";
import { longDate } from "./components/dates";

export type PermitEndedProps = {
  name: string;
  audience: "employer" | "parent";
  /** Why it ended: the employer reported the job ended, or the child reached the school leaving date. */
  cause: "job-ended" | "school-leaving";
  /** The permit's reference, e.g. NMC-EP-2026-000002. */
  reference: string;
  childName: string;
  businessName: string;
  job: string;
  authorityName: string;
  /** YYYY-MM-DD: the permit's last day. */
  endedOn: string;
  /** What the employer gave as the reason, if anything. */
  reason: string | null;
  /** The employer's permits page, or the child's page for the parent. */
  url: string;
};


export const subject = (p: PermitEndedProps) => `${p.reference}: employment permit ended for ${p.childName}`;

export default function PermitEnded(p: PermitEndedProps) {
  return (
    <EmailLayout preview={`The employment permit for ${p.childName} has ended`}>
      <Heading style={heading}>Employment permit ended</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      {p.cause === "job-ended" ? (
        <Text style={paragraph}>
          {p.businessName} has told {p.authorityName} that {p.childName}'s job ({p.job}) ended on {longDate(p.endedOn)}, so permit {p.reference} has ended. If this is
          wrong, contact the child employment team at {p.authorityName}.
        </Text>
      ) : (
        <Text style={paragraph}>
          Permit {p.reference} for {p.childName} to work for {p.businessName} ({p.job}) ended on {longDate(p.endedOn)}, {p.childName}'s school leaving date. After the
          school leaving date a young person no longer needs a child employment permit.
        </Text>
      )}
      {p.reason ? <Text style={quote}>{p.reason}</Text> : null}
      <Text style={paragraph}>
        See {p.audience === "parent" ? `${p.childName}'s permits` : "your permits"}:{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: PermitEndedProps = {
  name: "Priya Parent",
  audience: "parent",
  cause: "job-ended",
  reference: "NMC-EP-2026-000002",
  childName: "Noah Example",
  businessName: "Corner Newsagents Ltd",
  job: "Delivering newspapers or leaflets",
  authorityName: "Northmere Council",
  endedOn: "2027-03-31",
  reason: "The paper round was given up for exams.",
  url: "http://localhost:3000/children/00000000-0000-4000-8000-000000000000",
};
