import { boolean, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authorities, organisations, schools } from "./authorities";
import { children } from "./children";
import { issuedDocuments } from "./documents";
import { users } from "./identity";

export const EMPLOYMENT_PERMIT_STATUSES = ["draft", "submitted", "granted", "refused", "revoked", "ended", "withdrawn"] as const;
export type EmploymentPermitStatus = (typeof EMPLOYMENT_PERMIT_STATUSES)[number];

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** The usual hours of a week: each day's shifts, "HH:MM" to "HH:MM" (a day with none is not worked). */
export type WeekPattern = Record<Weekday, { start: string; end: string }[]>;

/**
 * One child's employment permit application for one job (EMPLOY-*), decided by the authority where the work
 * happens. The employer's part (business, workplace, job, hours, supervision, risk assessment) and the parent's
 * part (the child, health, consent) are filled in separately: whoever starts invites the other by an emailed link.
 * Once granted it is the permit: it ends at the child's school leaving date or when the employer reports the job
 * has ended.
 */
export const employmentPermits = pgTable(
  "employment_permits",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Given at submission, e.g. NMC-PE-2026-000001. */
    reference: text().unique(),
    status: text({ enum: EMPLOYMENT_PERMIT_STATUSES }).notNull().default("draft"),
    startedBy: text({ enum: ["employer", "parent"] }).notNull(),
    // Employer's part
    /** The employer's organisation, once someone with an employer account has taken part. */
    organisationId: uuid().references(() => organisations.id),
    businessName: text(),
    workplaceAddress: text(),
    workplacePostcode: text(),
    /** Where the work happens (from the workplace postcode): it decides. */
    authorityId: uuid().references(() => authorities.id),
    /** An occupation code from DOMAIN.md §4 (OCCUPATIONS). */
    occupation: text(),
    jobDescription: text(),
    startDate: date({ mode: "string" }),
    termPattern: jsonb().$type<WeekPattern>(),
    holidayPattern: jsonb().$type<WeekPattern>(),
    supervisorName: text(),
    riskAssessmentConfirmed: boolean(),
    employerPartCompletedAt: timestamp({ withTimezone: true }),
    // Parent's part
    parentUserId: uuid().references(() => users.id),
    childId: uuid().references(() => children.id),
    hasHealthConditions: boolean(),
    healthDetails: text(),
    consentName: text(),
    parentPartCompletedAt: timestamp({ withTimezone: true }),
    // The other party's emailed link (only its SHA-256 is kept)
    inviteEmail: text(),
    inviteTokenHash: text(),
    inviteExpiresAt: timestamp({ withTimezone: true }),
    // Submission and decision
    /** Submitted more than 7 days after the start date (EMPLOY-7DAYS): flagged, not refused. */
    late: boolean().notNull().default(false),
    /** The child's school when the application was submitted: it is told and may raise a concern. */
    schoolId: uuid().references(() => schools.id),
    submittedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedByUserId: uuid().references(() => users.id),
    decisionReason: text(),
    documentId: uuid().references(() => issuedDocuments.id),
    /** The permit's last day: the child's school leaving date, unless it ends sooner. */
    endsOn: date({ mode: "string" }),
    endedAt: timestamp({ withTimezone: true }),
    endReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("employment_permits_invite_idx").on(t.inviteTokenHash),
    // the authority's queue
    index("employment_permits_authority_idx").on(t.authorityId, t.status),
    // an employer's permits, a parent's, a child's
    index("employment_permits_organisation_idx").on(t.organisationId),
    index("employment_permits_parent_idx").on(t.parentUserId),
    index("employment_permits_child_idx").on(t.childId),
    // permits to end at the school leaving date (daily job)
    index("employment_permits_ends_idx").on(t.status, t.endsOn),
  ],
);
