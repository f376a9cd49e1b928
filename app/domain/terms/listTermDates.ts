import { asc, eq } from "drizzle-orm";
import { termDates } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ForbiddenError } from "../errors";
import { can } from "../identity/capabilities";

/** An authority's terms, earliest first (no permission check: callers have one, e.g. counting a child's school days). */
export function termsOf(db: Db, authorityId: string) {
  return db
    .select({ id: termDates.id, name: termDates.name, startDate: termDates.startDate, endDate: termDates.endDate })
    .from(termDates)
    .where(eq(termDates.authorityId, authorityId))
    .orderBy(asc(termDates.startDate));
}

/** The authority's terms for its admin. */
export async function listTermDates(db: Db, actor: Actor, authorityId: string) {
  if (!can(actor, "admin:use", { authorityId })) throw new ForbiddenError();
  return termsOf(db, authorityId);
}
