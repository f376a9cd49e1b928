import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";
import { longDate } from "./components/dates";

export type ChaperoneRenewalReminderProps = {
  name: string;
  reference: string;
  /** YYYY-MM-DD */
  validTo: string;
  /** 90, 30 or 7 */
  daysLeft: number;
  authorityName: string;
  url: string;
};


export const subject = (p: ChaperoneRenewalReminderProps) => `Your chaperone approval ends on ${longDate(p.validTo)}: renew it now`;

export default function ChaperoneRenewalReminder(p: ChaperoneRenewalReminderProps) {
  return (
    <EmailLayout preview={`Your chaperone approval ends in ${p.daysLeft} days`}>
      <Heading style={heading}>Renew your chaperone approval</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        Your chaperone approval {p.reference} from {p.authorityName} ends on {longDate(p.validTo)}, in {p.daysLeft} days. After that date you cannot be named as a
        chaperone on a child's licence.
      </Text>
      <Text style={paragraph}>
        Apply to renew it at{" "}
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
        . Your answers are filled in from your current approval, and the new approval starts when this one ends.
      </Text>
    </EmailLayout>
  );
}

export const previewProps: ChaperoneRenewalReminderProps = {
  name: "Charlie Chaperone",
  reference: "NMC-CL-2026-000001",
  validTo: "2029-08-31",
  daysLeft: 30,
  authorityName: "Northmere Council",
  url: "http://localhost:3000/chaperone",
};
