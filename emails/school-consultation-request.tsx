import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";
import { longDate, longDateWithDay } from "./components/dates";

export type SchoolConsultationRequestProps = {
  /** The school contact's name. */
  name: string;
  schoolName: string;
  childName: string;
  /** The application reference, e.g. NMC-PA-2026-000001. */
  reference: string;
  productionTitle: string;
  organisationName: string;
  authorityName: string;
  /** YYYY-MM-DD: the schedule's first and last days. */
  firstDate: string | null;
  lastDate: string | null;
  /** YYYY-MM-DD: school days the child would miss (none when the council always asks). */
  schoolDaysMissed: string[];
  /** YYYY-MM-DD: the answer is due by the end of this day. */
  dueOn: string;
  workingDays: number;
  /** How many days the link works for. */
  linkDays: number;
  /** The consultation page (a signed link that expires). */
  url: string;
};


export const subject = (p: SchoolConsultationRequestProps) => `Your view is needed on ${p.childName}'s performance licence by ${longDateWithDay(p.dueOn)}`;

export default function SchoolConsultationRequest(p: SchoolConsultationRequestProps) {
  const missed = p.schoolDaysMissed.length;
  return (
    <EmailLayout preview={`${p.authorityName} asks for ${p.schoolName}'s view on a performance licence for ${p.childName}`}>
      <Heading style={heading}>The council needs the school's view</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.organisationName} has applied to {p.authorityName} for a licence for {p.childName}, a pupil at {p.schoolName}, to take part in {p.productionTitle}
        {p.firstDate && p.lastDate ? ` from ${longDate(p.firstDate)} to ${longDate(p.lastDate)}` : ""} (reference {p.reference}).
      </Text>
      <Text style={paragraph}>
        {missed
          ? `${p.childName} would miss ${missed} school ${missed === 1 ? "day" : "days"}: ${p.schoolDaysMissed.map(longDateWithDay).join(", ")}.`
          : `${p.childName} would not miss any school days, but ${p.authorityName} asks the school about every licence.`}
      </Text>
      <Text style={paragraph}>
        Please tell us by {longDateWithDay(p.dueOn)} ({p.workingDays} working days) whether the head teacher consents, or objects on grounds of education, health
        or welfare. The council must consider an objection, but it is not a veto.
      </Text>
      <Text style={paragraph}>
        Answer at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>The link works for {p.linkDays} days. Do not forward this email: anyone with the link can answer for the school.</Text>
    </EmailLayout>
  );
}

export const previewProps: SchoolConsultationRequestProps = {
  name: "Sam School",
  schoolName: "Northmere Primary School",
  childName: "Amelia Example",
  reference: "NMC-PA-2026-000001",
  productionTitle: "Spring showcase",
  organisationName: "Footlights Productions Ltd",
  authorityName: "Northmere Council",
  firstDate: "2027-03-01",
  lastDate: "2027-03-05",
  schoolDaysMissed: ["2027-03-01", "2027-03-02"],
  dueOn: "2026-12-01",
  workingDays: 5,
  linkDays: 14,
  url: "http://localhost:3000/school-consultations/preview-token",
};
