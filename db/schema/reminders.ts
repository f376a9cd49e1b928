import { integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { authorities } from "./authorities";
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

export const ESCALATION_STAGES = ["due-soon", "breached"] as const;
export type EscalationStage = (typeof ESCALATION_STAGES)[number];

/**
 * One row per escalation email round: each clock item (kind + id, e.g. "school-answer" + consultation id) is
 * escalated once when it will breach within 2 working days and once when it has breached.
 */
export const escalations = pgTable(
  "escalations",
  {
    itemKind: text().notNull(),
    itemId: uuid().notNull(),
    stage: text({ enum: ESCALATION_STAGES }).notNull(),
    authorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemKind, t.itemId, t.stage] })],
);
