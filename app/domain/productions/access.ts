import { eq } from "drizzle-orm";
import { productions } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { isUuid } from "../children/access";
import { NotFoundError } from "../errors";
import { can } from "../identity/capabilities";

/** A production the actor may act for (a producer of its organisation); otherwise "not found". */
export async function loadOwnProduction(db: Db, actor: Actor, productionId: string) {
  if (!isUuid(productionId)) throw new NotFoundError("Production");
  const [production] = await db.select().from(productions).where(eq(productions.id, productionId));
  if (!production || !can(actor, "producer:use", { organisationId: production.organisationId })) throw new NotFoundError("Production");
  return production;
}
