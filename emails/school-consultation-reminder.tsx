import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";
import { longDateWithDay } from "./components/dates";

export type SchoolConsultationReminderProps = {
  /** The school's name ("" when the parent named a school not on the list). */
  name: string;
  childName: string;
  /** The application reference, e.g. NMC-PA-2026-000001. */
  reference: string;
  /** YYYY-MM-DD: the answer is due by the end of this day. */
  dueOn: string;
  authorityName: string;
  /** A new link to the consultation (it replaces the first one). */
  url: string;
};


export const subject = (p: SchoolConsultationReminderProps) => `Reminder: your view on ${p.childName}'s performance licence is due by ${longDateWithDay(p.dueOn)}`;

export default function SchoolConsultationReminder(p: SchoolConsultationReminderProps) {
  return (
    <EmailLayout preview={`${p.authorityName} needs the school's view by ${longDateWithDay(p.dueOn)}`}>
      <Heading style={heading}>Reminder: the council needs the school's view</Heading>
      <Text style={paragraph}>To the head teacher{p.name ? `, ${p.name}` : ""},</Text>
      <Text style={paragraph}>
        {p.authorityName} asked for your view on a performance licence application for {p.childName} ({p.reference}), who would miss school. We have not had
        your answer yet. Please tell us by {longDateWithDay(p.dueOn)} whether you consent to the absence or object to it.
      </Text>
      <Text style={paragraph}>
        Answer at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>This link replaces the one in our first email. If your school has an account with us, you can also answer after signing in.</Text>
    </EmailLayout>
  );
}

export const previewProps: SchoolConsultationReminderProps = {
  name: "Northmere Primary School",
  childName: "Oliver Example",
  reference: "NMC-PA-2026-000002",
  dueOn: "2026-11-20",
  authorityName: "Northmere Council",
  url: "http://localhost:3000/school-consultations/preview-token",
};
