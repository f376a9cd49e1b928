import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type PermitParentPartCompleteProps = {
  /** The employer's name. */
  name: string;
  childName: string;
  businessName: string;
  /** Whether the employer's own part is complete too, so the application can be sent. */
  employerPartComplete: boolean;
  /** The application in the employer's pages (its check and send page when both parts are complete). */
  url: string;
};

export const subject = (p: PermitParentPartCompleteProps) => `${p.childName}'s parent has completed their part of the permit application`;

export default function PermitParentPartComplete(p: PermitParentPartCompleteProps) {
  return (
    <EmailLayout preview={`${p.childName}'s parent has completed their part of the child employment permit application`}>
      <Heading style={heading}>The parent's part is complete</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.childName}'s parent has completed and confirmed their part of the child employment permit application for {p.businessName}.
      </Text>
      <Text style={paragraph}>
        {p.employerPartComplete
          ? "Your part is complete too, so you can now check the application and send it to the council."
          : "Complete your part of the application, then send it to the council."}
      </Text>
      <Text style={paragraph}>
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export const previewProps: PermitParentPartCompleteProps = {
  name: "Erin Employer",
  childName: "Noah Example",
  businessName: "Corner Newsagents Ltd",
  employerPartComplete: true,
  url: "http://localhost:3000/employer/permits/00000000-0000-4000-8000-000000000000/submit",
};
