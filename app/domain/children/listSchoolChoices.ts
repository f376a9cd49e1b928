import { asc, eq } from "drizzle-orm";
import { authorities, schools } from "#db/schema/authorities";
import type { Db } from "~/server/db.server";

/** Every school the service knows, for a parent to pick their child's from. */
export function listSchoolChoices(db: Db) {
  return db
    .select({ id: schools.id, name: schools.name, authorityName: authorities.name })
    .from(schools)
    .innerJoin(authorities, eq(authorities.id, schools.authorityId))
    .orderBy(asc(schools.name));
}
