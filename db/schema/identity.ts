import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authorities, organisations, schools } from "./authorities";

import { ROLES } from "./roles";

export { PUBLIC_ROLES, type PublicRole, ROLES, type Role, STAFF_ROLES, type StaffRole } from "./roles";

export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  /** Stored lower-cased. */
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  emailConfirmedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  "memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text({ enum: ROLES }).notNull(),
    authorityId: uuid().references(() => authorities.id),
    organisationId: uuid().references(() => organisations.id),
    schoolId: uuid().references(() => schools.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // loading the signed-in user's roles on every request
    index("memberships_user_idx").on(t.userId),
    // admin staff list for an authority
    index("memberships_authority_idx").on(t.authorityId, t.role),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the session token; the token itself is only ever in the cookie. */
    id: text().primaryKey(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    /** Idle timeout for this session: shorter for staff. */
    idleMinutes: integer().notNull(),
    ip: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  // sign-out everywhere and clean-up of expired sessions
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const TOKEN_PURPOSES = ["confirm-email", "reset-password"] as const;

export const userTokens = pgTable(
  "user_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text({ enum: TOKEN_PURPOSES }).notNull(),
    /** SHA-256 of the emailed token. */
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // looking up a link's token
  (t) => [uniqueIndex("user_tokens_hash_idx").on(t.tokenHash)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    authorityId: uuid().references(() => authorities.id),
    organisationId: uuid().references(() => organisations.id),
    schoolId: uuid().references(() => schools.id),
    invitedBy: uuid()
      .notNull()
      .references(() => users.id),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // looking up an invitation link's token
    uniqueIndex("invitations_hash_idx").on(t.tokenHash),
    // admin list of pending invitations
    index("invitations_authority_idx").on(t.authorityId),
    index("invitations_organisation_idx").on(t.organisationId),
  ],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    ip: text(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // throttling: recent failures by account and by address
  (t) => [index("sign_in_attempts_email_idx").on(t.email, t.at), index("sign_in_attempts_ip_idx").on(t.ip, t.at)],
);
