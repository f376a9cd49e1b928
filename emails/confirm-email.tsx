import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type ConfirmEmailProps = { name: string; url: string; expiresInHours: number };

export const subject = () => "Confirm your email address";

export default function ConfirmEmail({ name, url, expiresInHours }: ConfirmEmailProps) {
  return (
    <EmailLayout preview="Confirm your email address to finish creating your account">
      <Heading style={heading}>Confirm your email address</Heading>
      <Text style={paragraph}>Dear {name},</Text>
      <Text style={paragraph}>To finish creating your child licensing account, open this link:</Text>
      <Text style={paragraph}>
        <Link href={url} style={link}>
          {url}
        </Link>
      </Text>
      <Text style={paragraph}>The link works for {expiresInHours} hours. If you did not create an account, ignore this email.</Text>
    </EmailLayout>
  );
}

export const previewProps: ConfirmEmailProps = {
  name: "Sam Parent",
  url: "http://localhost:3000/confirm-email/example-token",
  expiresInHours: 24,
};
