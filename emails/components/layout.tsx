import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";

const font = 'Arial, "Helvetica Neue", Helvetica, sans-serif';

/** GOV.UK Notify-like layout: a black banner with the service name, plain text, no images. */
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ fontFamily: font, fontSize: "19px", lineHeight: "1.315789", color: "#0b0c0c", margin: 0 }}>
        <Section style={{ backgroundColor: "#0b0c0c", padding: "10px 20px" }}>
          <Text style={{ color: "#ffffff", fontSize: "24px", fontWeight: 700, margin: 0 }}>Child licensing</Text>
        </Section>
        <Container style={{ padding: "0 20px", maxWidth: "580px" }}>
          {children}
          <Hr />
          <Text style={{ fontSize: "16px", color: "#505a5f" }}>
            This email was sent by the child licensing service. Do not reply to this email.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: "19px", margin: "0 0 20px" } as const;
export const heading = { fontSize: "27px", fontWeight: 700, margin: "30px 0 20px" } as const;
export const link = { color: "#1d70b8", textDecoration: "underline" } as const;
/** Words quoted from a decision (reasons, conditions, a message), set off like GOV.UK inset text. */
export const quote = { ...paragraph, borderLeft: "10px solid #b1b4b6", paddingLeft: "15px" } as const;
