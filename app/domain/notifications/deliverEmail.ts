import { render, toPlainText } from "@react-email/render";
import { eq, sql } from "drizzle-orm";
import { Resend } from "resend";
import { mailbox, outbox } from "#db/schema/notifications";
import { type TemplateName, templates } from "#emails/index";
import type { Db } from "~/server/db.server";

export const MAX_ATTEMPTS = 6;

export async function renderEmail(template: string, props: unknown) {
  const entry = templates[template as TemplateName];
  if (!entry) throw new Error(`Unknown email template: ${template}`);
  const component = entry.component as (p: unknown) => React.ReactElement;
  const subject = (entry.subject as (p: unknown) => string)(props);
  const html = await render(component(props));
  return { subject, html, text: toPlainText(html) };
}

/**
 * Sends one outbox message: through Resend when RESEND_API_KEY is set, otherwise into the local mailbox.
 * Throws on failure so the job queue retries with backoff; after MAX_ATTEMPTS the message is marked failed.
 */
export async function deliverEmail(db: Db, outboxId: string, resendApiKey: string | undefined, from: string) {
  const [message] = await db.select().from(outbox).where(eq(outbox.id, outboxId));
  if (message?.status !== "pending") return;
  try {
    const rendered = await renderEmail(message.template, message.props);
    let providerId: string | null = null;
    if (resendApiKey) {
      const result = await new Resend(resendApiKey).emails.send({
        from,
        to: message.to,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
      });
      if (result.error) throw new Error(`Resend: ${result.error.message}`);
      providerId = result.data?.id ?? null;
    }
    await db.transaction(async (tx) => {
      if (!resendApiKey) {
        await tx.insert(mailbox).values({ outboxId: message.id, to: message.to, ...rendered });
      }
      await tx
        .update(outbox)
        .set({ status: "sent", sentAt: new Date(), providerId, attempts: sql`${outbox.attempts} + 1` })
        .where(eq(outbox.id, message.id));
    });
  } catch (error) {
    const attempts = message.attempts + 1;
    await db
      .update(outbox)
      .set({ attempts, lastError: String(error), status: attempts >= MAX_ATTEMPTS ? "failed" : "pending" })
      .where(eq(outbox.id, message.id));
    throw error;
  }
}
