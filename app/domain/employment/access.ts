import { and, eq, inArray, ne, type SQL } from "drizzle-orm";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { isUuid } from "../children/access";
import { NotFoundError } from "../errors";
import { authorityScope, organisationScope } from "../identity/capabilities";

type Options = { lock?: boolean };

async function one(db: Db, permitId: string, where: SQL | undefined, options: Options) {
  if (!isUuid(permitId) || !where) throw new NotFoundError("Permit");
  const query = db
    .select()
    .from(employmentPermits)
    .where(and(eq(employmentPermits.id, permitId), where));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("Permit");
  return row;
}

/** A permit of one of the actor's employer organisations; anything else is "not found". */
export function permitForEmployer(db: Db, actor: Actor, permitId: string, options: Options = {}) {
  const scope = organisationScope(actor, "employer:use");
  return one(db, permitId, scope.length ? inArray(employmentPermits.organisationId, scope) : undefined, options);
}

/** A permit the actor takes part in as the parent. */
export function permitForParent(db: Db, actor: Actor, permitId: string, options: Options = {}) {
  return one(db, permitId, actor.userId ? eq(employmentPermits.parentUserId, actor.userId) : undefined, options);
}

/** A submitted (or later) permit of one of the actor's authorities (officer side). */
export function permitForOfficer(db: Db, actor: Actor, permitId: string, options: Options = {}) {
  const scope = authorityScope(actor, "employment-permit:decide");
  return one(db, permitId, scope.length ? and(inArray(employmentPermits.authorityId, scope), ne(employmentPermits.status, "draft")) : undefined, options);
}
