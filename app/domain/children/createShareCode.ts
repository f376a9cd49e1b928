import { childShares } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { loadOwnChild } from "./access";
import { CHILD_RULES, formatShareCode } from "./rules";
import { hashShareCode, newShareCode } from "./shareCodes";

/**
 * A parent makes a share code for one child: whichever production uses it first can see the child's details.
 * Only the code's hash and last 3 characters are kept, so the code (returned as ABCD-EFGH) is shown once.
 */
export async function createShareCode(db: Db, actor: Actor, childId: string, now = new Date()) {
  const child = await loadOwnChild(db, actor, childId);
  const code = newShareCode();
  const expiresAt = new Date(now.getTime() + CHILD_RULES.shareCodeDays.days * 86_400_000);
  return db.transaction(async (tx) => {
    const [share] = await tx
      .insert(childShares)
      .values({ childId: child.id, createdByUserId: actor.userId!, codeHash: hashShareCode(code), codeHint: code.slice(-3), expiresAt, createdAt: now })
      .returning({ id: childShares.id });
    await recordAudit(tx, actor, {
      action: "child.share-code-created",
      recordType: "child",
      recordId: child.id,
      after: { shareId: share.id, codeHint: code.slice(-3), expiresAt: expiresAt.toISOString() },
    });
    return { shareId: share.id, code: formatShareCode(code), expiresAt, childFirstName: child.firstName };
  });
}
