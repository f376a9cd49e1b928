import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const authorities = pgTable("authorities", {
  id: uuid().primaryKey().defaultRandom(),
  /** Short code used in document references, e.g. NMC. */
  code: text().notNull().unique(),
  name: text().notNull(),
  /** Postcode districts (e.g. "NM1") that route a home address to this authority. */
  postcodeDistricts: text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const schools = pgTable(
  "schools",
  {
    id: uuid().primaryKey().defaultRandom(),
    authorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    name: text().notNull(),
    urn: text().unique(),
    postcode: text(),
    /** The school office's address for the council's requests, used when no one from the school has an account. */
    email: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // officer and admin lists of an authority's schools
  (t) => [index("schools_authority_idx").on(t.authorityId, t.name)],
);

export const ORGANISATION_KINDS = ["producer", "employer"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const organisations = pgTable("organisations", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  kind: text({ enum: ORGANISATION_KINDS }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
