import { asc, inArray } from "drizzle-orm";
import { authorities, schools } from "#db/schema/authorities";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { authorityScope } from "../identity/capabilities";

/** Schools of the authorities where the actor is an officer, LADO or admin. */
export async function listSchools(db: Db, actor: Actor) {
  const scope = authorityScope(actor, "authority-record:read");
  if (!scope.length) return { authorities: [], schools: [] };
  const [auths, rows] = await Promise.all([
    db.select({ id: authorities.id, name: authorities.name }).from(authorities).where(inArray(authorities.id, scope)).orderBy(asc(authorities.name)),
    db.select().from(schools).where(inArray(schools.authorityId, scope)).orderBy(asc(schools.name)),
  ]);
  return { authorities: auths, schools: rows };
}
