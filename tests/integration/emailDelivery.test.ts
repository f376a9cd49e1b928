import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { mailbox, outbox } from "#db/schema/notifications";
import { templates } from "#emails/index";
import { deliverEmail, MAX_ATTEMPTS } from "~/domain/notifications/deliverEmail";
import { sweepOutbox } from "~/domain/notifications/dispatchEmails";
import { queueEmail } from "~/domain/notifications/queueEmail";
import { QUEUES } from "~/server/jobs.server";
import { latestMail } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const FROM = "Child licensing <no-reply@licensing.example.gov.uk>";

async function outboxRow(id: string) {
  const [row] = await db().select().from(outbox).where(eq(outbox.id, id));
  return row;
}

/** Stands in for pg-boss: records what would have been queued. */
function fakeQueue() {
  const sent: { name: string; data: unknown; options: unknown }[] = [];
  const holder = globalThis as unknown as { __clpBoss?: unknown };
  holder.__clpBoss = {
    async send(name: string, data: unknown, options: unknown) {
      sent.push({ name, data, options });
      return "job-id";
    },
  };
  return sent;
}

afterEach(() => {
  (globalThis as unknown as { __clpBoss?: unknown }).__clpBoss = undefined;
});

describe("deliverEmail", () => {
  it("puts the message in the local mailbox and marks it sent", async () => {
    const props = { ...templates["confirm-email"].previewProps, url: "http://portal.test/confirm-email/abc" };
    const id = await queueEmail(db(), "sam@example.com", "confirm-email", props);
    await deliverEmail(db(), id, undefined, FROM);

    const mail = await latestMail(db(), "sam@example.com");
    expect(mail).toMatchObject({ outboxId: id, to: "sam@example.com", subject: "Confirm your email address" });
    expect(mail.html).toContain('href="http://portal.test/confirm-email/abc"');
    expect(mail.text).toContain("http://portal.test/confirm-email/abc");

    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null, providerId: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("does nothing when the message has already been sent", async () => {
    const id = await queueEmail(db(), "sam@example.com", "reset-password", templates["reset-password"].previewProps);
    await deliverEmail(db(), id, undefined, FROM);
    const first = await outboxRow(id);
    await deliverEmail(db(), id, undefined, FROM);
    expect(await db().select().from(mailbox)).toHaveLength(1);
    expect(await outboxRow(id)).toEqual(first);
  });

  it("does nothing for an unknown message id", async () => {
    await expect(deliverEmail(db(), "00000000-0000-4000-8000-000000000000", undefined, FROM)).resolves.toBeUndefined();
  });

  it("records a failure, rethrows for the queue to retry, and gives up after the last attempt", async () => {
    const [{ id }] = await db()
      .insert(outbox)
      .values({ to: "sam@example.com", template: "no-such-template", props: {} })
      .returning({ id: outbox.id });

    await expect(deliverEmail(db(), id, undefined, FROM)).rejects.toThrow("Unknown email template: no-such-template");
    expect(await outboxRow(id)).toMatchObject({ status: "pending", attempts: 1, lastError: "Error: Unknown email template: no-such-template" });

    for (let attempt = 2; attempt < MAX_ATTEMPTS; attempt++) {
      await expect(deliverEmail(db(), id, undefined, FROM)).rejects.toThrow();
      expect(await outboxRow(id)).toMatchObject({ status: "pending", attempts: attempt });
    }
    await expect(deliverEmail(db(), id, undefined, FROM)).rejects.toThrow();
    expect(await outboxRow(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });

    // a failed message is not tried again
    await expect(deliverEmail(db(), id, undefined, FROM)).resolves.toBeUndefined();
    expect(await outboxRow(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await db().select().from(mailbox)).toEqual([]);
  });
});

describe("sweepOutbox", () => {
  it("re-dispatches only never-tried pending messages older than the cutoff", async () => {
    const sent = fakeQueue();
    const cutoff = new Date("2025-06-01T12:00:00Z");
    const before = new Date(cutoff.getTime() - 60_000);
    const after = new Date(cutoff.getTime() + 60_000);
    const props = templates["confirm-email"].previewProps;
    const rows = await db()
      .insert(outbox)
      .values([
        { to: "lost@example.com", template: "confirm-email", props, createdAt: before },
        { to: "recent@example.com", template: "confirm-email", props, createdAt: after },
        { to: "retrying@example.com", template: "confirm-email", props, createdAt: before, attempts: 2 },
        { to: "sent@example.com", template: "confirm-email", props, createdAt: before, status: "sent", attempts: 1 },
        { to: "failed@example.com", template: "confirm-email", props, createdAt: before, status: "failed", attempts: 6 },
      ])
      .returning({ id: outbox.id, to: outbox.to });
    const lost = rows.find((r) => r.to === "lost@example.com")!;

    expect(await sweepOutbox(db(), cutoff)).toBe(1);
    expect(sent).toEqual([{ name: QUEUES.deliverEmail, data: { outboxId: lost.id }, options: expect.objectContaining({ singletonKey: lost.id }) }]);
  });

  it("counts what it found even when no job queue is running", async () => {
    await db()
      .insert(outbox)
      .values({ to: "lost@example.com", template: "confirm-email", props: {}, createdAt: new Date("2025-01-01T00:00:00Z") });
    expect(await sweepOutbox(db(), new Date("2025-01-01T00:05:00Z"))).toBe(1);
    expect(await sweepOutbox(db(), new Date("2024-12-31T23:55:00Z"))).toBe(0);
  });
});
