import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type PermitInvitationProps = {
  /** "parent or carer" or "employer": the person's name is not known yet. */
  name: string;
  /** Who is asked: the child's parent (the employer started) or the employer (the parent started). */
  to: "parent" | "employer";
  /** The person who asked. */
  invitedBy: string;
  businessName: string | null;
  childName: string | null;
  /** The kind of work, when the employer has said. */
  job: string | null;
  url: string;
  expiresInDays: number;
};

export const subject = (p: PermitInvitationProps) =>
  p.to === "parent"
    ? `${p.businessName ?? p.invitedBy} has asked you to fill in your part of a child employment permit application`
    : `${p.invitedBy} has asked you to fill in your part of a child employment permit application for ${p.childName ?? "their child"}`;

export default function PermitInvitation(p: PermitInvitationProps) {
  return (
    <EmailLayout preview="You have been asked to fill in your part of a child employment permit application">
      <Heading style={heading}>Child employment permit: your part of the application</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      {p.to === "parent" ? (
        <Text style={paragraph}>
          {p.invitedBy}
          {p.businessName ? ` at ${p.businessName}` : ""} wants to employ your child part-time{p.job ? ` (${p.job.toLowerCase()})` : ""}. Children under school
          leaving age need a permit from the council to work. The employer has started the application; the council also needs your part: which child it is,
          a health declaration and your consent.
        </Text>
      ) : (
        <Text style={paragraph}>
          {p.invitedBy} is the parent of {p.childName ?? "a child"} who would like to work for you part-time. Children under school leaving age need a permit
          from the council to work, and the employer applies for it. {p.invitedBy} has filled in their part; the council also needs yours: the business,
          the workplace, the job, the usual hours, supervision and a risk assessment.
        </Text>
      )}
      <Text style={paragraph}>Open this link and sign in (you can create an account if you do not have one):</Text>
      <Text style={paragraph}>
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>The link works for {p.expiresInDays} days and can only be used once. If you do not know who this is from, ignore this email.</Text>
    </EmailLayout>
  );
}

export const previewProps: PermitInvitationProps = {
  name: "parent or carer",
  to: "parent",
  invitedBy: "Erin Employer",
  businessName: "Corner Newsagents Ltd",
  childName: null,
  job: "Delivering newspapers or leaflets",
  url: "http://localhost:3000/permits/join/example-token",
  expiresInDays: 14,
};
