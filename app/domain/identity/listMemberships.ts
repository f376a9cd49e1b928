import { eq } from "drizzle-orm";
import { authorities, organisations, schools } from "#db/schema/authorities";
import { memberships } from "#db/schema/identity";
import type { Db } from "~/server/db.server";

/** The person's own roles with the names of what each applies to. */
export async function listMemberships(db: Db, userId: string) {
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      authorityName: authorities.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      schoolName: schools.name,
    })
    .from(memberships)
    .leftJoin(authorities, eq(authorities.id, memberships.authorityId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt);
}
