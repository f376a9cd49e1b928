import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { authorities, schools } from "#db/schema/authorities";
import { invitations, memberships, STAFF_ROLES, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ForbiddenError } from "../errors";
import { can } from "./capabilities";

/** An authority's staff and pending invitations, for its admins. */
export async function listStaff(db: Db, actor: Actor, authorityId: string, now = new Date()) {
  if (!can(actor, "admin:use", { authorityId })) throw new ForbiddenError();
  const [authority] = await db.select().from(authorities).where(eq(authorities.id, authorityId));
  const staff = await db
    .select({ membershipId: memberships.id, name: users.name, email: users.email, role: memberships.role, schoolName: schools.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(and(eq(memberships.authorityId, authorityId), inArray(memberships.role, [...STAFF_ROLES])))
    .orderBy(asc(users.name));
  const pending = await db
    .select({ id: invitations.id, name: invitations.name, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.authorityId, authorityId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
    .orderBy(asc(invitations.createdAt));
  const schoolList = await db.select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.authorityId, authorityId)).orderBy(asc(schools.name));
  return { authority, staff, pending, schools: schoolList };
}
