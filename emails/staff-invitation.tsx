import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type StaffInvitationProps = {
  name: string;
  invitedBy: string;
  /** e.g. "a licensing officer at Northmere Council" */
  roleDescription: string;
  url: string;
  expiresInDays: number;
};

export const subject = (p: StaffInvitationProps) => `You have been invited to the child licensing service as ${p.roleDescription}`;

export default function StaffInvitation({ name, invitedBy, roleDescription, url, expiresInDays }: StaffInvitationProps) {
  return (
    <EmailLayout preview={`${invitedBy} has invited you to the child licensing service`}>
      <Heading style={heading}>You have been invited to the child licensing service</Heading>
      <Text style={paragraph}>Dear {name},</Text>
      <Text style={paragraph}>
        {invitedBy} has invited you to use the child licensing service as {roleDescription}.
      </Text>
      <Text style={paragraph}>To accept, open this link:</Text>
      <Text style={paragraph}>
        <Link href={url} style={link}>
          {url}
        </Link>
      </Text>
      <Text style={paragraph}>The invitation works for {expiresInDays} days. If you were not expecting it, ignore this email.</Text>
    </EmailLayout>
  );
}

export const previewProps: StaffInvitationProps = {
  name: "Olive Officer",
  invitedBy: "Ada Admin",
  roleDescription: "a licensing officer at Northmere Council",
  url: "http://localhost:3000/invitations/example-token",
  expiresInDays: 7,
};
