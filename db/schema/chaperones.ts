import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authorities } from "./authorities";
import { issuedDocuments } from "./documents";
import { users } from "./identity";
import { uploads } from "./uploads";

export const CHAPERONE_APPLICATION_STATUSES = ["draft", "submitted", "checks-in-progress", "information-requested", "granted", "refused", "withdrawn"] as const;
export type ChaperoneApplicationStatus = (typeof CHAPERONE_APPLICATION_STATUSES)[number];

/** What an officer recorded about one check. */
export type CheckRecord = { outcome: string; note?: string; date?: string; by: string; at: string };
export type ChaperoneChecks = Partial<Record<"identity" | "dbs" | "interview" | "training", CheckRecord>>;

/** A chaperone's application (new or renewal), filled in section by section, then decided by the home authority. */
export const chaperoneApplications = pgTable(
  "chaperone_applications",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Given at submission, e.g. NMC-CA-2026-000001. */
    reference: text().unique(),
    applicantUserId: uuid()
      .notNull()
      .references(() => users.id),
    /** The home authority, from the address. */
    authorityId: uuid().references(() => authorities.id),
    status: text({ enum: CHAPERONE_APPLICATION_STATUSES }).notNull().default("draft"),
    renewsDocumentId: uuid().references(() => issuedDocuments.id),
    // Personal details
    firstName: text(),
    lastName: text(),
    otherNames: text(),
    dateOfBirth: date({ mode: "string" }),
    phone: text(),
    // Address
    addressLine1: text(),
    addressLine2: text(),
    town: text(),
    postcode: text(),
    // Photograph and identity documents
    photoUploadId: uuid().references(() => uploads.id),
    identityUploadIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    identityDocumentTypes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Enhanced DBS
    dbsCertificateNumber: text(),
    dbsIssueDate: date({ mode: "string" }),
    dbsOnUpdateService: boolean(),
    dbsConsentToStatusCheck: boolean(),
    // Training
    trainingDate: date({ mode: "string" }),
    trainingProvider: text(),
    trainingUploadId: uuid().references(() => uploads.id),
    // Declarations
    hasConvictions: boolean(),
    convictionDetails: text(),
    hasOtherCouncilDecisions: boolean(),
    otherCouncilDetails: text(),
    declarationConfirmed: boolean(),
    // Decision
    checks: jsonb().$type<ChaperoneChecks>().notNull().default({}),
    informationRequested: text(),
    decisionReason: text(),
    restrictions: text(),
    validFrom: date({ mode: "string" }),
    validTo: date({ mode: "string" }),
    licenceDocumentId: uuid().references(() => issuedDocuments.id),
    submittedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the applicant's own applications
    index("chaperone_applications_applicant_idx").on(t.applicantUserId),
    // at most one open (undecided) application per applicant, whichever process or request starts it (decision 028)
    uniqueIndex("chaperone_applications_one_open_idx")
      .on(t.applicantUserId)
      .where(sql`status in ('draft', 'submitted', 'checks-in-progress', 'information-requested')`),
    // the officer queue: an authority's applications by status, oldest first
    index("chaperone_applications_queue_idx").on(t.authorityId, t.status, t.submittedAt),
  ],
);

/** The two referees of an application; each answers through a signed, expiring link. */
export const chaperoneReferees = pgTable(
  "chaperone_referees",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => chaperoneApplications.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    name: text().notNull(),
    email: text().notNull(),
    relationship: text().notNull(),
    tokenHash: text(),
    tokenExpiresAt: timestamp({ withTimezone: true }),
    requestedAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    /** The referee's answers. `concerns` is "" when they have none (`hasConcerns` false; absent on older rows). */
    response: jsonb().$type<{ yearsKnown: string; capacity: string; suitable: boolean; concerns: string; comments: string; hasConcerns?: boolean }>(),
    judgement: text({ enum: ["satisfactory", "unsatisfactory"] }),
    judgedBy: text(),
    judgedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("chaperone_referees_position_idx").on(t.applicationId, t.position),
    // a referee's link
    uniqueIndex("chaperone_referees_token_idx").on(t.tokenHash),
  ],
);

/** Local settings an authority's admin may change. */
export const authoritySettings = pgTable("authority_settings", {
  authorityId: uuid()
    .primaryKey()
    .references(() => authorities.id),
  chaperoneLicenceYears: integer().notNull().default(3),
  /** EXEMPT-ABSENCE and EXEMPT-BROADCAST local switches: may a four-day-rule performance need time off school, or be broadcast? */
  exemptAbsenceAllowed: boolean().notNull().default(false),
  exemptBroadcastAllowed: boolean().notNull().default(false),
  /** BOPA-PERIOD: the longest period a body of persons approval may cover. */
  bopaMaxMonths: integer().notNull().default(12),
  /** SCHOOL-DEADLINE: working days a school has to answer; SCHOOL-ALWAYS: consult the school even when no school is missed. */
  schoolResponseWorkingDays: integer().notNull().default(5),
  consultSchoolAlways: boolean().notNull().default(false),
  /** EMPLOY-LATEST tightened by the council's byelaws ("HH:MM"); null: the law's. */
  employmentLatest: text(),
  /** EMPLOY-SCHOOLTIMES: when the council's schools start and end, for EMPLOY-SCHOOLHOURS and the hour before school. */
  employmentSchoolStarts: text(),
  employmentSchoolEnds: text(),
  /** Days the council is closed beyond weekends and bank holidays: they don't count as working days (LADO-1WD). */
  closureDays: date({ mode: "string" })
    .array()
    .notNull()
    .default(sql`'{}'::date[]`),
  /** The council's own target for deciding a performance licence: working days from a complete application. */
  licenceDecisionTargetWorkingDays: integer().notNull().default(10),
  /** A manager's (or team) address copied on escalations of items about to breach or breached. */
  escalationEmail: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const CHANGE_REPORT_KINDS = ["name", "address", "arrest-conviction-caution", "serious-illness", "other"] as const;
export type ChangeReportKind = (typeof CHANGE_REPORT_KINDS)[number];

/** A change an approved chaperone reports about themselves (CHAPLIC-REPORT), for the approving authority's officers. */
export const chaperoneChangeReports = pgTable(
  "chaperone_change_reports",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The approval (chaperone-licence document) the report is about. */
    documentId: uuid()
      .notNull()
      .references(() => issuedDocuments.id),
    applicantUserId: uuid()
      .notNull()
      .references(() => users.id),
    /** The approving authority, whose officers are alerted. */
    authorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    kind: text({ enum: CHANGE_REPORT_KINDS }).notNull(),
    details: text().notNull(),
    happenedOn: date({ mode: "string" }).notNull(),
    /** Reported more than CHAPLIC-REPORT's 7 days after it happened. */
    late: boolean().notNull(),
    reportedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acknowledgedBy: text(),
    acknowledgedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // the officer's open reports: an authority's reports not yet acknowledged, oldest first
    index("chaperone_change_reports_authority_idx").on(t.authorityId, t.acknowledgedAt, t.reportedAt),
  ],
);
