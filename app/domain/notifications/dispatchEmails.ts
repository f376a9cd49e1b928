import { and, eq, lt } from "drizzle-orm";
import { outbox } from "#db/schema/notifications";
import type { Db } from "~/server/db.server";
import { enqueue, QUEUES } from "~/server/jobs.server";

/**
 * After commit: one delivery job per message (pg-boss retries with backoff). The change is already saved, so a queue
 * that can't be reached (the database went down after the commit) is logged, not thrown: the outbox sweep queues
 * the message within a few minutes, and the person is not shown an error for a change that was made.
 */
export async function dispatchEmails(ids: string[]) {
  for (const id of ids) {
    try {
      await enqueue(QUEUES.deliverEmail, { outboxId: id }, { singletonKey: id, retryLimit: 5, retryDelay: 5, retryBackoff: true });
    } catch (error) {
      console.error(`[email] message ${id} saved but not queued (the sweep will send it): ${(error as Error).message}`);
    }
  }
}

/** Re-queues never-tried messages whose job was lost (e.g. the process stopped between commit and dispatch). */
export async function sweepOutbox(db: Db, olderThan = new Date(Date.now() - 120_000)) {
  const pending = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), eq(outbox.attempts, 0), lt(outbox.createdAt, olderThan)))
    .limit(500);
  await dispatchEmails(pending.map((p) => p.id));
  return pending.length;
}
