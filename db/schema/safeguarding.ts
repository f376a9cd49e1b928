import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authorities, organisations } from "./authorities";
import { issuedDocuments } from "./documents";
import { users } from "./identity";

export const CONCERN_STATUSES = ["new", "referred", "no-further-action"] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export const SUBJECT_ROLES = ["chaperone", "tutor", "production-staff", "employer", "other"] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

/**
 * A concern about an adult who works with children, as the reporter gave it (LADO-1WD: the clock runs from
 * `receivedOn`). Only the authority's LADO reads it; officers see that it exists.
 */
export const concerns = pgTable(
  "concerns",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What the reporter is told, e.g. CON-7Q4K-2M9P. */
    reference: text().notNull().unique(),
    authorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The day it was received in Europe/London, for the working-day clock. */
    receivedOn: date({ mode: "string" }).notNull(),
    reporterUserId: uuid().references(() => users.id),
    reporterName: text().notNull(),
    reporterEmail: text().notNull(),
    reporterPhone: text(),
    /** How the reporter knows the child or the adult, in their words or their role. */
    reporterRelationship: text().notNull(),
    /** A licensed chaperone picked from the reporter's bookings: the licence that is put on hold. */
    subjectDocumentId: uuid().references(() => issuedDocuments.id),
    subjectName: text().notNull(),
    subjectRole: text({ enum: SUBJECT_ROLES }).notNull(),
    /** The organisation the adult works for, when it uses this service (its pending approvals are held). */
    subjectOrganisationId: uuid().references(() => organisations.id),
    subjectOrganisationName: text(),
    childName: text(),
    productionName: text(),
    whatHappened: text().notNull(),
    happenedOn: date({ mode: "string" }).notNull(),
    actionTaken: text(),
    status: text({ enum: CONCERN_STATUSES }).notNull().default("new"),
    decidedAt: timestamp({ withTimezone: true }),
    decidedByUserId: uuid().references(() => users.id),
    /** Why the threshold is (or is not) met. */
    decisionReason: text(),
  },
  // the LADO's and officers' lists: an authority's concerns by status, oldest first
  (t) => [index("concerns_authority_idx").on(t.authorityId, t.status, t.receivedAt)],
);

export const LADO_OUTCOMES = ["substantiated", "false", "malicious", "unsubstantiated", "unfounded"] as const;

/** A concern that meets the threshold (LADO-THRESHOLD), linked to the authority's safeguarding record. */
export const ladoReferrals = pgTable(
  "lado_referrals",
  {
    id: uuid().primaryKey().defaultRandom(),
    concernId: uuid()
      .notNull()
      .unique()
      .references(() => concerns.id),
    authorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    categories: text().array().notNull(),
    referredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    referredOn: date({ mode: "string" }).notNull(),
    /** The case in the authority's case management system. */
    caseReference: text(),
    caseAddress: text(),
    subjectDateOfBirth: date({ mode: "string" }),
    outcome: text({ enum: LADO_OUTCOMES }),
    outcomeOn: date({ mode: "string" }),
    outcomeNotes: text(),
    /** LADO-RETENTION: when the LADO record is due for review. */
    retentionReviewOn: date({ mode: "string" }),
    /** False or malicious: the hold no longer appears on the person's licensing record. */
    removedFromLicensingRecord: boolean().notNull().default(false),
  },
  (t) => [index("lado_referrals_authority_idx").on(t.authorityId, t.outcome, t.referredAt)],
);

export const HOLD_KINDS = ["chaperone-licence", "performance-application", "bopa-application"] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

/** Something put on hold by a referral: officers of `authorityId` see only "on hold – contact the LADO". */
export const ladoHolds = pgTable(
  "lado_holds",
  {
    id: uuid().primaryKey().defaultRandom(),
    referralId: uuid()
      .notNull()
      .references(() => ladoReferrals.id),
    kind: text({ enum: HOLD_KINDS }).notNull(),
    recordId: uuid().notNull(),
    /** Whose officers are told: the issuing or deciding authority. */
    authorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    /** The LADO's authority, for "contact the LADO". */
    ladoAuthorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    /** The hold suspended a licence that was valid (so lifting it reinstates the licence). */
    suspendedDocument: boolean().notNull().default(false),
    placedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    liftedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // "is this record on hold?" from officers' pages and queues
    index("lado_holds_record_idx").on(t.recordId, t.liftedAt),
    uniqueIndex("lado_holds_referral_record_idx").on(t.referralId, t.recordId),
  ],
);

/** People the LADO adds to a case: they may read it too. */
export const ladoCaseMembers = pgTable(
  "lado_case_members",
  {
    referralId: uuid()
      .notNull()
      .references(() => ladoReferrals.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    addedByUserId: uuid().references(() => users.id),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.referralId, t.userId] })],
);

export const DELIVERY_STATUSES = ["pending", "retrying", "delivered", "failed"] as const;

/** Each event sent to the authority's safeguarding record (webhook), with its delivery state. */
export const safeguardingDeliveries = pgTable(
  "safeguarding_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    referralId: uuid()
      .notNull()
      .references(() => ladoReferrals.id),
    event: text().notNull(),
    payload: jsonb().notNull(),
    status: text({ enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("safeguarding_deliveries_referral_idx").on(t.referralId, t.createdAt),
    index("safeguarding_deliveries_status_idx").on(t.status).where(sql`status in ('pending', 'retrying')`),
  ],
);
