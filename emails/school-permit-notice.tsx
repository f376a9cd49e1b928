import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";
import { longDateWithDay } from "./components/dates";

export type SchoolPermitNoticeProps = {
  /** The school contact's name. */
  name: string;
  schoolName: string;
  childName: string;
  /** The permit application's reference, e.g. NMC-PE-2026-000001. */
  reference: string;
  employer: string;
  /** The job, in words. */
  job: string;
  authorityName: string;
  /** YYYY-MM-DD: the answer is due by the end of this day. */
  dueOn: string;
  workingDays: number;
  /** How many days the link works for. */
  linkDays: number;
  /** The school's page (a signed link that expires). */
  url: string;
};


export const subject = (p: SchoolPermitNoticeProps) => `${p.childName} has applied for a permit to work part-time: any concern by ${longDateWithDay(p.dueOn)}`;

export default function SchoolPermitNotice(p: SchoolPermitNoticeProps) {
  return (
    <EmailLayout preview={`${p.authorityName} tells ${p.schoolName} about a work permit application for ${p.childName}`}>
      <Heading style={heading}>A pupil has applied for a work permit</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.employer} and the parent of {p.childName}, a pupil at {p.schoolName}, have applied to {p.authorityName} for a permit for {p.childName} to work
        part-time ({p.job.toLowerCase()}), application {p.reference}.
      </Text>
      <Text style={paragraph}>
        If the school has a concern about the child's attendance, health or welfare, tell the council within {p.workingDays} working days, by {longDateWithDay(p.dueOn)}.
        The hours and the job are on this page, which works for {p.linkDays} days:
      </Text>
      <Text style={paragraph}>
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>If the school has no concern, you can say so on the same page, or do nothing.</Text>
    </EmailLayout>
  );
}

export const previewProps: SchoolPermitNoticeProps = {
  name: "Sam School",
  schoolName: "Northmere Primary School",
  childName: "Noah Example",
  reference: "NMC-PE-2026-000001",
  employer: "Corner Newsagents Ltd",
  job: "Delivering newspapers or leaflets",
  authorityName: "Northmere Council",
  dueOn: "2026-12-14",
  workingDays: 5,
  linkDays: 14,
  url: "http://localhost:3000/school-consultations/example-token",
};
