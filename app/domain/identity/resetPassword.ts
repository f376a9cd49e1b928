import { and, eq, isNull } from "drizzle-orm";
import { sessions, userTokens, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { hashPassword } from "./passwords";
import { findLiveToken } from "./useToken";

import { EXPIRED_LINK } from "./messages";


/** Checks a reset link without using it (for showing the form). */
export async function isResetLinkLive(db: Db, token: string) {
  return db.transaction(async (tx) => !!(await findLiveToken(tx, token, "reset-password")));
}

/** Sets a new password from a reset link; uses the link up, confirms the email and signs the person out everywhere. */
export async function resetPassword(db: Db, actor: Actor, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const row = await findLiveToken(tx, token, "reset-password");
    if (!row) throw RuleError.field("", EXPIRED_LINK);
    const now = new Date();
    await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.userId, row.userId), eq(userTokens.purpose, "reset-password"), isNull(userTokens.usedAt)));
    const [before] = await tx.select({ emailConfirmedAt: users.emailConfirmedAt }).from(users).where(eq(users.id, row.userId));
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now, emailConfirmedAt: before.emailConfirmedAt ?? now })
      .where(eq(users.id, row.userId))
      .returning();
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(tx, { ...actor, name: actor.userId ? actor.name : user.name }, { action: "account.password-reset", recordType: "user", recordId: user.id });
    return { userId: user.id };
  });
}
