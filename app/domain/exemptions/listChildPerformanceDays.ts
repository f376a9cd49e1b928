import { desc, eq } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { performanceDays } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { loadOwnChild } from "../children/access";

/** A parent's view of their child's performance-day record, newest first, across every council. */
export async function listChildPerformanceDays(db: Db, actor: Actor, childId: string) {
  const child = await loadOwnChild(db, actor, childId);
  return db
    .select({
      id: performanceDays.id,
      date: performanceDays.date,
      kind: performanceDays.kind,
      basis: performanceDays.basis,
      productionTitle: performanceDays.productionTitle,
      organiserName: performanceDays.organiserName,
      authorityName: authorities.name,
    })
    .from(performanceDays)
    .leftJoin(authorities, eq(authorities.id, performanceDays.authorityId))
    .where(eq(performanceDays.childId, child.id))
    .orderBy(desc(performanceDays.date));
}
