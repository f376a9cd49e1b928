import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { authorities, organisations } from "./authorities";
import { users } from "./identity";
import { bytea } from "./types";

export const DOCUMENT_STATUSES = ["valid", "suspended", "revoked", "superseded"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The register of every signed document the service has issued. */
export const issuedDocuments = pgTable(
  "issued_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    authorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    kind: text().notNull(),
    reference: text().notNull().unique(),
    year: integer().notNull(),
    sequence: integer().notNull(),
    holderName: text().notNull(),
    /** All the public register shows of the holder. */
    holderInitials: text().notNull(),
    holderUserId: uuid().references(() => users.id),
    holderEmail: text(),
    parentUserId: uuid().references(() => users.id),
    organisationId: uuid().references(() => organisations.id),
    /** For staff views only; never shown publicly. */
    childName: text(),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }).notNull(),
    status: text({ enum: DOCUMENT_STATUSES }).notNull().default("valid"),
    statusReason: text(),
    statusChangedAt: timestamp({ withTimezone: true }),
    supersedesId: uuid(),
    supersededById: uuid(),
    /** SHA-256 (hex) of the signed PDF bytes. */
    sha256: text().notNull(),
    pdf: bytea().notNull(),
    signerFingerprint: text().notNull(),
    specimen: boolean().notNull(),
    issuedByUserId: uuid().references(() => users.id),
    issuedByName: text().notNull(),
    issuedByRole: text().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** What was printed (images left out), for re-issue. */
    content: jsonb().notNull(),
  },
  (t) => [
    // officer register: an authority's documents by kind, newest first
    index("issued_documents_authority_idx").on(t.authorityId, t.kind, t.issuedAt),
    // verification of an uploaded PDF by its hash
    index("issued_documents_sha256_idx").on(t.sha256),
    // "my documents" for holders, parents and organisations
    index("issued_documents_holder_idx").on(t.holderUserId),
    index("issued_documents_parent_idx").on(t.parentUserId),
    index("issued_documents_organisation_idx").on(t.organisationId),
  ],
);

/** Gap-free reference numbers: one counter per authority, kind and year, incremented in the issuing transaction. */
export const documentSequences = pgTable(
  "document_sequences",
  {
    authorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    kind: text().notNull(),
    year: integer().notNull(),
    lastValue: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.authorityId, t.kind, t.year] })],
);

/** Fixed-window request counters (e.g. public verification per address). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
