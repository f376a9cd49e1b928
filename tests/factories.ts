/** Test factories: the shared db/factories plus helpers for reading what the verbs wrote. */
import { and, asc, desc, eq } from "drizzle-orm";
import { auditEvents } from "#db/schema/audit";
import type { Role } from "#db/schema/identity";
import { mailbox, outbox } from "#db/schema/notifications";
import type { Actor, Membership } from "~/domain/actor";
import type { Db } from "~/server/db.server";

export * from "#db/factories";

type MembershipLike = { role: Role; authorityId?: string | null; organisationId?: string | null; schoolId?: string | null; id?: string };

let membershipSeq = 0;

/** Builds an Actor for a user row (or any id and name) with the given memberships. */
export function actorFor(user: { id: string; name?: string } | null, memberships: MembershipLike[] = [], ip: string | null = "203.0.113.1"): Actor {
  return {
    userId: user?.id ?? null,
    name: user?.name ?? (user ? "Test person" : "public"),
    ip,
    memberships: memberships.map(
      (m): Membership => ({
        id: m.id ?? `membership-${++membershipSeq}`,
        role: m.role,
        authorityId: m.authorityId ?? null,
        organisationId: m.organisationId ?? null,
        schoolId: m.schoolId ?? null,
      }),
    ),
  };
}

/** The newest message delivered into the local mailbox for an address. */
export async function latestMail(db: Db, to: string) {
  const [row] = await db.select().from(mailbox).where(eq(mailbox.to, to)).orderBy(desc(mailbox.createdAt)).limit(1);
  return row;
}

/** Outbox rows for an address, oldest first. */
export async function outboxFor(db: Db, to: string) {
  return db.select().from(outbox).where(eq(outbox.to, to)).orderBy(asc(outbox.createdAt));
}

/** Audit events for a record (or every event when no record is named), oldest first. */
export async function auditFor(db: Db, recordType?: string, recordId?: string) {
  const where = recordType ? and(eq(auditEvents.recordType, recordType), recordId ? eq(auditEvents.recordId, recordId) : undefined) : undefined;
  return db.select().from(auditEvents).where(where).orderBy(asc(auditEvents.id));
}

/** The token in an emailed link, e.g. `http://x/confirm-email/<token>`. */
export function tokenFromUrl(url: string) {
  return url.slice(url.lastIndexOf("/") + 1);
}

/** The `url` prop of an outbox message. */
export function outboxUrl(row: { props: unknown }) {
  return (row.props as { url: string }).url;
}
