import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type ChildInvitationProps = {
  name: string;
  childName: string;
  organisationName: string;
  productionTitle: string;
  /** The producer who sent it. */
  invitedBy: string;
  url: string;
  expiresInDays: number;
};

export const subject = (p: ChildInvitationProps) => `${p.organisationName} has asked you to add ${p.childName} to ${p.productionTitle}`;

export default function ChildInvitation(p: ChildInvitationProps) {
  return (
    <EmailLayout preview={`${p.organisationName} has asked you to share ${p.childName}'s details`}>
      <Heading style={heading}>Add {p.childName} to {p.productionTitle}</Heading>
      <Text style={paragraph}>Dear {p.name},</Text>
      <Text style={paragraph}>
        {p.invitedBy} at {p.organisationName} has asked you to share {p.childName}'s details with them for {p.productionTitle}. They need them to
        apply to the council for a licence, or to record performances that do not need one.
      </Text>
      <Text style={paragraph}>To choose your child, or add their details, open this link and sign in (you can create an account if you do not have one):</Text>
      <Text style={paragraph}>
        <Link href={p.url} style={link}>
          {p.url}
        </Link>
      </Text>
      <Text style={paragraph}>
        The link works for {p.expiresInDays} days. You can remove {p.organisationName}'s access at any time. If you do not know them, ignore this email.
      </Text>
    </EmailLayout>
  );
}

export const previewProps: ChildInvitationProps = {
  name: "parent or carer",
  childName: "Amelia Example",
  organisationName: "Footlights Productions Ltd",
  productionTitle: "Annie",
  invitedBy: "Pete Producer",
  url: "http://localhost:3000/child-invitations/example-token",
  expiresInDays: 14,
};
