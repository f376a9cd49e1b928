import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Append-only: a trigger (migration 0001) rejects UPDATE and DELETE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    actorUserId: uuid(),
    /** Who did it, as shown in a history: a name, "system" or "public". */
    actorLabel: text().notNull(),
    action: text().notNull(),
    recordType: text().notNull(),
    recordId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // a record's history, newest first
  (t) => [index("audit_events_record_idx").on(t.recordType, t.recordId, t.at)],
);
