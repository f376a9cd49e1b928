import { render, toPlainText } from "@react-email/render";
import { and, eq, sql } from "drizzle-orm";
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

/** Longest wait for the provider: a hung call must not hold the message's row lock for ever. */
const SEND_TIMEOUT_MS = 30_000;

/**
 * Sends one outbox message: through Resend when RESEND_API_KEY is set, otherwise into the local mailbox.
 * The message's row is locked (`FOR UPDATE SKIP LOCKED`) for the whole delivery, so two workers given the same message
 * (a duplicate job, the sweep) never both send it: the second finds it locked, or no longer pending, and does nothing.
 * A worker that dies mid-delivery drops its connection and with it the lock (no "sending" state to recover).
 * Resend gets the outbox id as its idempotency key, so a retry after a send whose answer was lost is not delivered
 * twice. The work runs in a savepoint, so a failure (even a failed statement) is still recorded on the message.
 * Throws on failure so the job queue retries with backoff; after MAX_ATTEMPTS the message is marked failed.
 */
export async function deliverEmail(db: Db, outboxId: string, resendApiKey: string | undefined, from: string) {
  const failure = await db.transaction(async (tx) => {
    const [message] = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, outboxId), eq(outbox.status, "pending")))
      .for("update", { skipLocked: true });
    if (!message) return null;
    try {
      // A savepoint: if any of this fails, even a statement, the attempt is still recorded below.
      await tx.transaction(async (work) => {
        const rendered = await renderEmail(message.template, message.props);
        let providerId: string | null = null;
        if (resendApiKey) {
          const result = await new Resend(resendApiKey).emails.send(
            { from, to: message.to, subject: rendered.subject, html: rendered.html, text: rendered.text },
            { idempotencyKey: message.id, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
          );
          if (result.error) throw new Error(`Resend: ${result.error.message}`);
          providerId = result.data?.id ?? null;
        } else {
          await work.insert(mailbox).values({ outboxId: message.id, to: message.to, ...rendered });
        }
        await work
          .update(outbox)
          .set({ status: "sent", sentAt: new Date(), providerId, attempts: sql`${outbox.attempts} + 1` })
          .where(eq(outbox.id, message.id));
      });
      return null;
    } catch (error) {
      const attempts = message.attempts + 1;
      await tx
        .update(outbox)
        .set({ attempts, lastError: String(error), status: attempts >= MAX_ATTEMPTS ? "failed" : "pending" })
        .where(eq(outbox.id, message.id));
      return { error };
    }
  });
  if (failure) throw failure.error;
}
