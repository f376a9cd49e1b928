import { and, asc, eq, isNull } from "drizzle-orm";
import { childShares, children } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";

/** A child the actor owns as parent; anyone else gets "not found" (never "forbidden", which would confirm it exists). */
export async function loadOwnChild(db: Db, actor: Actor, childId: string) {
  if (!actor.userId || !isUuid(childId)) throw new NotFoundError("Child");
  const [child] = await db
    .select()
    .from(children)
    .where(and(eq(children.id, childId), eq(children.parentUserId, actor.userId)));
  if (!child) throw new NotFoundError("Child");
  return child;
}

const castColumns = {
  id: children.id,
  firstName: children.firstName,
  lastName: children.lastName,
  dateOfBirth: children.dateOfBirth,
  homeAuthorityId: children.homeAuthorityId,
  parentUserId: children.parentUserId,
  shareId: childShares.id,
  sharedAt: childShares.usedAt,
};

/**
 * The children a parent has shared with a production and not revoked: all a producer ever sees of children.
 * Callers must first have checked the actor may act for the production's organisation.
 */
export function listCast(db: Db, productionId: string) {
  return db
    .select(castColumns)
    .from(childShares)
    .innerJoin(children, eq(children.id, childShares.childId))
    .where(and(eq(childShares.productionId, productionId), isNull(childShares.revokedAt)))
    .orderBy(asc(children.lastName), asc(children.firstName));
}

/** One child of a production's cast, or not found (not shared, or the share was revoked). */
export async function loadCastChild(db: Db, productionId: string, childId: string) {
  if (!isUuid(childId)) throw new NotFoundError("Child");
  const [child] = await db
    .select(castColumns)
    .from(childShares)
    .innerJoin(children, eq(children.id, childShares.childId))
    .where(and(eq(childShares.productionId, productionId), eq(childShares.childId, childId), isNull(childShares.revokedAt)));
  if (!child) throw new NotFoundError("Child");
  return child;
}

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
