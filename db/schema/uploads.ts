import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";
import { bytea } from "./types";

/** Files people upload (photographs, identity documents, certificates), kept in Postgres and size-capped. */
export const uploads = pgTable(
  "uploads",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerUserId: uuid().references(() => users.id),
    purpose: text().notNull(),
    filename: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    bytes: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // an applicant's own uploads
  (t) => [index("uploads_owner_idx").on(t.ownerUserId)],
);
