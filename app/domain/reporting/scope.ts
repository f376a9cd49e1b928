import { asc, inArray } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { authorityScope } from "../identity/capabilities";

/**
 * The council whose report the actor reads: the one asked for, which must be one of theirs (anything else is
 * "not found", so another council's report can't even be confirmed to exist), or else their first. Also the
 * councils they may choose between, by name.
 */
export async function reportAuthority(db: Db, actor: Actor, requested?: string | null) {
  const scope = authorityScope(actor, "report:read");
  if (!scope.length) throw new ForbiddenError();
  const authorityId = requested || scope[0];
  if (!scope.includes(authorityId)) throw new NotFoundError("Report");
  const choices = await db
    .select({ id: authorities.id, code: authorities.code, name: authorities.name })
    .from(authorities)
    .where(inArray(authorities.id, scope))
    .orderBy(asc(authorities.name));
  const authority = choices.find((a) => a.id === authorityId);
  if (!authority) throw new NotFoundError("Report");
  return { authority, choices };
}
