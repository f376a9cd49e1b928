import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;

/** Every email, written in the same transaction as the change that causes it. */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    template: text().notNull(),
    props: jsonb().notNull(),
    status: text({ enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    providerId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  // the sweeper picks up pending messages whose job was lost
  (t) => [index("outbox_status_idx").on(t.status, t.createdAt)],
);

/** The local mailbox: where email goes when no RESEND_API_KEY is set. */
export const mailbox = pgTable(
  "mailbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    outboxId: uuid().references(() => outbox.id),
    to: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // /dev/mailbox lists newest first, optionally for one address
  (t) => [index("mailbox_to_idx").on(t.to, t.createdAt)],
);
