import { and, eq, inArray } from "drizzle-orm";
import { authorities, schools } from "#db/schema/authorities";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { listRecordHistory } from "../audit/listRecordHistory";
import { authorityScope } from "../identity/capabilities";
import { NotFoundError } from "../errors";

/** One school with its history, only within the actor's authorities (another authority's school is "not found"). */
export async function getSchool(db: Db, actor: Actor, schoolId: string) {
  const scope = authorityScope(actor, "authority-record:read");
  const isUuid = /^[0-9a-f-]{36}$/i.test(schoolId);
  const [row] =
    scope.length && isUuid
      ? await db
          .select({ school: schools, authorityName: authorities.name })
          .from(schools)
          .innerJoin(authorities, eq(authorities.id, schools.authorityId))
          .where(and(eq(schools.id, schoolId), inArray(schools.authorityId, scope)))
      : [];
  if (!row) throw new NotFoundError("School");
  const history = await listRecordHistory(db, "school", row.school.id);
  return { ...row.school, authorityName: row.authorityName, history };
}
