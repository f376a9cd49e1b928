import { boolean, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authorities, organisations, schools } from "./authorities";
import { users } from "./identity";
import { uploads } from "./uploads";

/** A child's profile, owned by the parent who added it and reused for every application. */
export const children = pgTable(
  "children",
  {
    id: uuid().primaryKey().defaultRandom(),
    parentUserId: uuid()
      .notNull()
      .references(() => users.id),
    firstName: text().notNull(),
    lastName: text().notNull(),
    dateOfBirth: date({ mode: "string" }).notNull(),
    addressLine1: text().notNull(),
    addressLine2: text(),
    town: text().notNull(),
    postcode: text().notNull(),
    /** From the postcode, or picked by the parent where no district matches. */
    homeAuthorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    schoolId: uuid().references(() => schools.id),
    /** A school not on the list, or "educated at home". */
    schoolName: text(),
    photoUploadId: uuid().references(() => uploads.id),
    photoTakenOn: date({ mode: "string" }),
    birthCertificateUploadId: uuid().references(() => uploads.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // a parent's own children
  (t) => [index("children_parent_idx").on(t.parentUserId)],
);

export const PRODUCTION_KINDS = ["theatre", "film", "television", "commercial", "streamed", "modelling", "paid-sport", "competition", "amateur"] as const;
export type ProductionKind = (typeof PRODUCTION_KINDS)[number];

/** A production (or event) an organisation puts on; children join it by a parent's share. */
export const productions = pgTable(
  "productions",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    title: text().notNull(),
    kind: text({ enum: PRODUCTION_KINDS }).notNull(),
    /** The child is paid beyond expenses. */
    paid: boolean().notNull(),
    /** Filmed or recorded for broadcast or streaming. */
    broadcast: boolean().notNull(),
    venueName: text().notNull(),
    venuePostcode: text().notNull(),
    /** Where the performances take place: from the venue's postcode. */
    hostAuthorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    firstDate: date({ mode: "string" }).notNull(),
    lastDate: date({ mode: "string" }).notNull(),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // an organisation's productions
  (t) => [index("productions_organisation_idx").on(t.organisationId, t.firstDate)],
);

/**
 * A production's further venues. The production's own venue (venueName, venuePostcode, hostAuthorityId) is its
 * main venue; each row here is another, with its own host authority from its postcode.
 */
export const productionVenues = pgTable(
  "production_venues",
  {
    id: uuid().primaryKey().defaultRandom(),
    productionId: uuid()
      .notNull()
      .references(() => productions.id),
    name: text().notNull(),
    postcode: text().notNull(),
    hostAuthorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // a production's venues
  (t) => [index("production_venues_production_idx").on(t.productionId)],
);

/**
 * A parent's permission for one production to see one child. Made as a share code (expires unused after a
 * fortnight; bound to the first production that uses it) or by accepting a producer's invitation.
 * Revoking it ends the production's access.
 */
export const childShares = pgTable(
  "child_shares",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id),
    /** SHA-256 of the normalised code; the code itself is shown to the parent once. */
    codeHash: text().notNull(),
    /** The code's last characters, so the parent can tell codes apart. */
    codeHint: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    productionId: uuid().references(() => productions.id),
    usedAt: timestamp({ withTimezone: true }),
    usedByUserId: uuid().references(() => users.id),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // redeeming a code
    uniqueIndex("child_shares_code_idx").on(t.codeHash),
    // a child's shares, and a production's cast
    index("child_shares_child_idx").on(t.childId),
    index("child_shares_production_idx").on(t.productionId),
  ],
);

/** A producer's emailed request that a parent add their child to a production. */
export const childInvitations = pgTable(
  "child_invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    productionId: uuid()
      .notNull()
      .references(() => productions.id),
    email: text().notNull(),
    childName: text().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    invitedByUserId: uuid()
      .notNull()
      .references(() => users.id),
    acceptedAt: timestamp({ withTimezone: true }),
    shareId: uuid().references(() => childShares.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("child_invitations_token_idx").on(t.tokenHash), index("child_invitations_production_idx").on(t.productionId)],
);

export const PERFORMANCE_DAY_BASES = ["licence", "bopa", "four-day-rule", "school", "reported-by-parent"] as const;
export type PerformanceDayBasis = (typeof PERFORMANCE_DAY_BASES)[number];

/**
 * Every day a child performs or rehearses, on any basis and in any council's area: the history the four-day
 * rule counts (EXEMPT-4DAY).
 */
export const performanceDays = pgTable(
  "performance_days",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    date: date({ mode: "string" }).notNull(),
    kind: text({ enum: ["performance", "rehearsal"] }).notNull().default("performance"),
    basis: text({ enum: PERFORMANCE_DAY_BASES }).notNull(),
    productionId: uuid().references(() => productions.id),
    /** As recorded, also for days reported by a parent from before the service. */
    productionTitle: text().notNull(),
    organiserName: text().notNull(),
    /** Where the day took place, when known. */
    authorityId: uuid().references(() => authorities.id),
    exemptPerformanceId: uuid(),
    recordedByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // the four-day rule: a child's days in a window
  (t) => [index("performance_days_child_date_idx").on(t.childId, t.date)],
);

export const EXEMPTION_BASES = ["four-day-rule", "bopa", "school"] as const;
export type ExemptionBasis = (typeof EXEMPTION_BASES)[number];

/** A producer's record of one child performing on stated dates under an exemption, checked against the child's record. */
export const exemptPerformances = pgTable(
  "exempt_performances",
  {
    id: uuid().primaryKey().defaultRandom(),
    productionId: uuid()
      .notNull()
      .references(() => productions.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    basis: text({ enum: EXEMPTION_BASES }).notNull(),
    bopaApplicationId: uuid(),
    dates: date({ mode: "string" }).array().notNull(),
    /** The exemption check as it was run (rule ids, counted days). */
    check: jsonb().notNull(),
    homeAuthorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    hostAuthorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    documentId: uuid(),
    recordedByUserId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("exempt_performances_production_idx").on(t.productionId),
    index("exempt_performances_child_idx").on(t.childId),
    // the home and host authorities' lists
    index("exempt_performances_home_idx").on(t.homeAuthorityId, t.createdAt),
    index("exempt_performances_host_idx").on(t.hostAuthorityId, t.createdAt),
  ],
);
