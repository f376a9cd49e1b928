import { and, asc, eq } from "drizzle-orm";
import { schools } from "#db/schema/authorities";
import { memberships, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";

/**
 * Who at a school the council writes to: its first account with the school role, else the office email the
 * council holds for it; undefined when it has neither. The reminder job later writes to the same address.
 */
export async function schoolContact(tx: Db, schoolId: string) {
  const [account] = await tx
    .select({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.schoolId, schoolId), eq(memberships.role, "school")))
    .orderBy(asc(memberships.createdAt), asc(users.email))
    .limit(1);
  if (account) return account;
  const [office] = await tx.select({ email: schools.email }).from(schools).where(eq(schools.id, schoolId));
  return office?.email ? { email: office.email, name: "Head teacher" } : undefined;
}
