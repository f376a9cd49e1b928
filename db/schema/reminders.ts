import { integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { issuedDocuments } from "./documents";

/** One row per renewal reminder sent, so each (licence, days-before) reminder goes exactly once. */
export const renewalReminders = pgTable(
  "renewal_reminders",
  {
    documentId: uuid()
      .notNull()
      .references(() => issuedDocuments.id),
    daysBefore: integer().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.daysBefore] })],
);
