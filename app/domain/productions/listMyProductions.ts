import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { childShares, productions } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { organisationScope } from "../identity/capabilities";

/** The productions of every organisation the actor is a producer for, soonest first, with how many children each has. */
export async function listMyProductions(db: Db, actor: Actor) {
  const ids = organisationScope(actor, "producer:use");
  if (!ids.length) return [];
  return db
    .select({
      id: productions.id,
      title: productions.title,
      kind: productions.kind,
      firstDate: productions.firstDate,
      lastDate: productions.lastDate,
      organisationName: organisations.name,
      children: count(childShares.id),
    })
    .from(productions)
    .innerJoin(organisations, eq(organisations.id, productions.organisationId))
    .leftJoin(childShares, and(eq(childShares.productionId, productions.id), isNull(childShares.revokedAt)))
    .where(inArray(productions.organisationId, ids))
    .groupBy(productions.id, organisations.name)
    .orderBy(asc(productions.firstDate), asc(productions.title));
}
