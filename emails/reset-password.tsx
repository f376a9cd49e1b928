import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { EmailLayout, heading, link, paragraph } from "./components/layout";

export type ResetPasswordProps = { name: string; url: string; expiresInMinutes: number };

export const subject = () => "Reset your password";

export default function ResetPassword({ name, url, expiresInMinutes }: ResetPasswordProps) {
  return (
    <EmailLayout preview="Reset your child licensing password">
      <Heading style={heading}>Reset your password</Heading>
      <Text style={paragraph}>Dear {name},</Text>
      <Text style={paragraph}>We received a request to reset the password for your child licensing account. To choose a new password, open this link:</Text>
      <Text style={paragraph}>
        <Link href={url} style={link}>
          {url}
        </Link>
      </Text>
      <Text style={paragraph}>
        The link works once and for {expiresInMinutes} minutes. If you did not ask to reset your password, ignore this email: your password has not changed.
      </Text>
    </EmailLayout>
  );
}

export const previewProps: ResetPasswordProps = {
  name: "Sam Parent",
  url: "http://localhost:3000/reset-password/example-token",
  expiresInMinutes: 60,
};
