import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authorities, organisations, schools } from "./authorities";
import { children, childShares, productionVenues, productions } from "./children";
import { issuedDocuments } from "./documents";
import { employmentPermits } from "./employment";
import { users } from "./identity";
import { uploads } from "./uploads";

export const PERFORMANCE_APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "awaiting-school",
  "under-review",
  "information-requested",
  "granted",
  "refused",
  "withdrawn",
  "revoked",
] as const;
export type PerformanceApplicationStatus = (typeof PERFORMANCE_APPLICATION_STATUSES)[number];

/** A period within a day, "HH:MM" to "HH:MM". */
export type Period = { start: string; end: string };
export type BreakPeriod = Period & { kind: "meal" | "rest" };

/**
 * One child's performance licence application for one production, decided by the child's home authority.
 * The producer's part (schedule, payment, education, chaperones, contract) and the parent's part (health,
 * other councils, photograph, birth certificate, consent) are filled in separately; the producer submits.
 */
export const performanceApplications = pgTable(
  "performance_applications",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Given at submission, e.g. NMC-PA-2026-000001. */
    reference: text().unique(),
    productionId: uuid()
      .notNull()
      .references(() => productions.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    shareId: uuid().references(() => childShares.id),
    /** The child's home authority when the application was started: it decides. */
    authorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    status: text({ enum: PERFORMANCE_APPLICATION_STATUSES }).notNull().default("draft"),
    // Producer's part
    paid: boolean(),
    paymentDetails: text(),
    nightWorkReasons: text(),
    tutorName: text(),
    tutorHoursPerDay: integer(),
    pupilsPerTutor: integer(),
    contractUploadId: uuid().references(() => uploads.id),
    producerPartCompletedAt: timestamp({ withTimezone: true }),
    // Parent's part
    schoolId: uuid().references(() => schools.id),
    schoolName: text(),
    hasHealthConditions: boolean(),
    healthDetails: text(),
    hasOtherCouncilDecisions: boolean(),
    otherCouncilDetails: text(),
    photoUploadId: uuid().references(() => uploads.id),
    photoTakenOn: date({ mode: "string" }),
    birthCertificateUploadId: uuid().references(() => uploads.id),
    consentName: text(),
    parentPartCompletedAt: timestamp({ withTimezone: true }),
    // Submission and decision
    /** Received less than 21 days before the first performance (PERF-APP-21): flagged, not refused. */
    late: boolean().notNull().default(false),
    assignedOfficerUserId: uuid().references(() => users.id),
    informationRequested: text(),
    informationReply: text(),
    conditions: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    decisionReason: text(),
    documentId: uuid().references(() => issuedDocuments.id),
    submittedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedByUserId: uuid().references(() => users.id),
    /** The first schedule day's date, kept by a trigger on schedule_days (migration 0013): the queue's order. */
    firstScheduleDate: date({ mode: "string" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the officer's queue, soonest first performance first
    index("performance_applications_queue_idx").on(t.authorityId, t.firstScheduleDate),
    // one application per child per production
    uniqueIndex("performance_applications_child_production_idx").on(t.productionId, t.childId),
    // the authority's queue
    index("performance_applications_authority_idx").on(t.authorityId, t.status),
    // a parent's and a child's applications
    index("performance_applications_child_idx").on(t.childId),
  ],
);

/** One day of a child's schedule: times at the place, performing or rehearsing periods, breaks and who chaperones. */
export const scheduleDays = pgTable(
  "schedule_days",
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid()
      .notNull()
      .references(() => performanceApplications.id, { onDelete: "cascade" }),
    date: date({ mode: "string" }).notNull(),
    kind: text({ enum: ["performance", "rehearsal"] }).notNull().default("performance"),
    /** Null: the production's main venue. */
    venueId: uuid().references(() => productionVenues.id),
    arrive: text().notNull(),
    depart: text().notNull(),
    performing: jsonb().$type<Period[]>().notNull().default([]),
    breaks: jsonb().$type<BreakPeriod[]>().notNull().default([]),
    /** A school day the child misses (from the authority's term dates). */
    schoolDay: boolean().notNull().default(false),
    chaperone: text({ enum: ["parent", "chaperone"] }),
    /** The licensed chaperone's approval (CHAP-VALID on this date). */
    chaperoneDocumentId: uuid().references(() => issuedDocuments.id),
    chaperoneIsTutor: boolean().notNull().default(false),
  },
  (t) => [
    uniqueIndex("schedule_days_application_date_idx").on(t.applicationId, t.date),
    // CHAP-RATIO: children per chaperone per day
    index("schedule_days_chaperone_idx").on(t.chaperoneDocumentId, t.date),
  ],
);

export const SCHOOL_RESPONSES = ["consent", "object"] as const;
export const OBJECTION_GROUNDS = ["education", "health", "welfare"] as const;

/** The school's view on an application (SCHOOL-*): asked by a signed, expiring link or through its school account. */
export const schoolConsultations = pgTable(
  "school_consultations",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What the school is asked about: a performance licence application, or an employment permit (exactly one). */
    applicationId: uuid().references(() => performanceApplications.id),
    permitId: uuid().references(() => employmentPermits.id),
    schoolId: uuid().references(() => schools.id),
    /** Where the request went (the school's contact, or as given by the parent). */
    email: text().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** 5 working days after the request (authority setting). */
    dueOn: date({ mode: "string" }).notNull(),
    remindedAt: timestamp({ withTimezone: true }),
    response: text({ enum: SCHOOL_RESPONSES }),
    grounds: text({ enum: OBJECTION_GROUNDS }).array(),
    reasons: text(),
    respondedByName: text(),
    respondedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("school_consultations_token_idx").on(t.tokenHash),
    index("school_consultations_application_idx").on(t.applicationId),
    index("school_consultations_school_idx").on(t.schoolId),
    index("school_consultations_permit_idx").on(t.permitId),
    check("school_consultations_one_subject", sql`num_nonnulls(${t.applicationId}, ${t.permitId}) = 1`),
  ],
);

/** An authority's school terms, for counting the school days a child would miss (admin setting). */
export const termDates = pgTable(
  "term_dates",
  {
    id: uuid().primaryKey().defaultRandom(),
    authorityId: uuid()
      .notNull()
      .references(() => authorities.id),
    name: text().notNull(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }).notNull(),
  },
  (t) => [index("term_dates_authority_idx").on(t.authorityId, t.startDate)],
);
