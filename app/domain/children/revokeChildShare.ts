import { and, eq, isNull } from "drizzle-orm";
import { childShares } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { isUuid, loadOwnChild } from "./access";
import { NotFoundError } from "../errors";

/**
 * The parent ends a production's access to their child (or cancels a code nobody has used yet). The production
 * loses sight of the child at once: every producer query goes through listCast/loadCastChild, which skip revoked shares.
 */
export async function revokeChildShare(db: Db, actor: Actor, childId: string, shareId: string, now = new Date()) {
  const child = await loadOwnChild(db, actor, childId);
  if (!isUuid(shareId)) throw new NotFoundError("Share");
  return db.transaction(async (tx) => {
    const [share] = await tx
      .update(childShares)
      .set({ revokedAt: now })
      .where(and(eq(childShares.id, shareId), eq(childShares.childId, child.id), isNull(childShares.revokedAt)))
      .returning({ id: childShares.id, productionId: childShares.productionId, codeHint: childShares.codeHint });
    if (!share) throw new NotFoundError("Share");
    await recordAudit(tx, actor, {
      action: share.productionId ? "child.share-revoked" : "child.share-code-cancelled",
      recordType: "child",
      recordId: child.id,
      after: { shareId: share.id, productionId: share.productionId, codeHint: share.codeHint },
    });
    return { wasUsed: !!share.productionId };
  });
}
