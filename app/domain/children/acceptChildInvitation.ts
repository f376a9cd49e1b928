import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { childInvitations, childShares } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { ForbiddenError, LinkExpiredError } from "../errors";
import { can } from "../identity/capabilities";
import { hashToken } from "../identity/tokens";
import { loadOwnChild } from "./access";
import { INVITATION_TOKEN } from "./describeChildInvitation";
import { hashShareCode } from "./shareCodes";

/**
 * A parent accepts a producer's invitation for one of their children: the child joins the production's cast at
 * once (a share already bound to the production). A link past its 14 days, or already accepted, can't be used.
 */
export async function acceptChildInvitation(db: Db, actor: Actor, token: string, childId: string, now = new Date()) {
  if (!can(actor, "parent:use")) throw new ForbiddenError("Add the parent role to your account to accept the invitation");
  if (!INVITATION_TOKEN.test(token)) throw new LinkExpiredError("expired");
  const child = await loadOwnChild(db, actor, childId);
  return db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(childInvitations).where(eq(childInvitations.tokenHash, hashToken(token))).for("update");
    if (!invitation) throw new LinkExpiredError("expired");
    if (invitation.acceptedAt) throw new LinkExpiredError("used");
    if (invitation.expiresAt <= now) throw new LinkExpiredError("expired");
    // Already in the cast: nothing new to share.
    const [existing] = await tx
      .select({ id: childShares.id })
      .from(childShares)
      .where(and(eq(childShares.childId, child.id), eq(childShares.productionId, invitation.productionId), isNull(childShares.revokedAt)));
    const shareId =
      existing?.id ??
      (
        await tx
          .insert(childShares)
          .values({
            childId: child.id,
            createdByUserId: actor.userId!,
            // No code: the share is bound to the production from the start; a random hash keeps the column unique.
            codeHash: hashShareCode(randomBytes(32).toString("hex")),
            codeHint: "",
            expiresAt: now,
            productionId: invitation.productionId,
            usedAt: now,
            usedByUserId: actor.userId,
            createdAt: now,
          })
          .returning({ id: childShares.id })
      )[0].id;
    await tx.update(childInvitations).set({ acceptedAt: now, shareId }).where(eq(childInvitations.id, invitation.id));
    await recordAudit(tx, actor, {
      action: "child.shared-by-invitation",
      recordType: "child",
      recordId: child.id,
      after: { invitationId: invitation.id, productionId: invitation.productionId, shareId },
    });
    return { shareId, productionId: invitation.productionId };
  });
}
