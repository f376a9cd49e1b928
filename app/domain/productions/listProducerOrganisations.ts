import { asc, inArray } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { organisationScope } from "../identity/capabilities";

/** The organisations the actor is a producer for. */
export async function listProducerOrganisations(db: Db, actor: Actor) {
  const ids = organisationScope(actor, "producer:use");
  if (!ids.length) return [];
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids)).orderBy(asc(organisations.name));
}
