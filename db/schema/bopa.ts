import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { authorities, organisations } from "./authorities";
import { issuedDocuments } from "./documents";
import { users } from "./identity";
import { uploads } from "./uploads";

export const BOPA_STATUSES = ["submitted", "granted", "refused", "revoked"] as const;
export type BopaStatus = (typeof BOPA_STATUSES)[number];

/** An organisation's application to the host authority for a body of persons approval (BOPA-*). */
export const bopaApplications = pgTable(
  "bopa_applications",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** e.g. NMC-BP-2026-000001 */
    reference: text().notNull().unique(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** Where the performances take place. */
    hostAuthorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    status: text({ enum: BOPA_STATUSES }).notNull().default("submitted"),
    performances: text().notNull(),
    periodFrom: date({ mode: "string" }).notNull(),
    periodTo: date({ mode: "string" }).notNull(),
    venues: text().notNull(),
    childrenCount: integer().notNull(),
    youngestAge: integer().notNull(),
    oldestAge: integer().notNull(),
    safeguardingLeadName: text().notNull(),
    safeguardingLeadEmail: text().notNull(),
    safeguardingLeadPhone: text().notNull(),
    policyUploadId: uuid()
      .notNull()
      .references(() => uploads.id),
    riskAssessmentUploadId: uuid()
      .notNull()
      .references(() => uploads.id),
    chaperoneArrangements: text().notNull(),
    noPaymentConfirmed: boolean().notNull(),
    /** Received less than 21 days before the first performance (BOPA-21). */
    late: boolean().notNull(),
    conditions: text().array(),
    decisionReason: text(),
    documentId: uuid().references(() => issuedDocuments.id),
    submittedByUserId: uuid()
      .notNull()
      .references(() => users.id),
    decidedByUserId: uuid().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the host authority's queue and the public register
    index("bopa_applications_host_idx").on(t.hostAuthorityId, t.status),
    // an organisation's own applications and history
    index("bopa_applications_organisation_idx").on(t.organisationId),
  ],
);
