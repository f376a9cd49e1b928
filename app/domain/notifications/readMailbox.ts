import { desc, eq } from "drizzle-orm";
import { mailbox } from "#db/schema/notifications";
import type { Db } from "~/server/db.server";

/** The local development mailbox, newest first (optionally for one address). */
export async function listMailbox(db: Db, to?: string | null) {
  const query = db.select({ id: mailbox.id, to: mailbox.to, subject: mailbox.subject, createdAt: mailbox.createdAt }).from(mailbox);
  return (to ? query.where(eq(mailbox.to, to.trim().toLowerCase())) : query).orderBy(desc(mailbox.createdAt)).limit(100);
}

export async function readMailboxMessage(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [message] = await db.select().from(mailbox).where(eq(mailbox.id, id));
  return message ?? null;
}
