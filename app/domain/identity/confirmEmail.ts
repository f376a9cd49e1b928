import { eq } from "drizzle-orm";
import { userTokens, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { findLiveToken } from "./useToken";

/** Confirms the email address behind a confirmation link (single use). */
export async function confirmEmail(db: Db, actor: Actor, token: string) {
  return db.transaction(async (tx) => {
    const row = await findLiveToken(tx, token, "confirm-email");
    if (!row) throw RuleError.field("", "This link has expired or has already been used. Sign in to get a new one");
    const now = new Date();
    await tx.update(userTokens).set({ usedAt: now }).where(eq(userTokens.id, row.id));
    const [user] = await tx.update(users).set({ emailConfirmedAt: now, updatedAt: now }).where(eq(users.id, row.userId)).returning();
    await recordAudit(tx, { ...actor, userId: user.id, name: user.name }, {
      action: "account.email-confirmed",
      recordType: "user",
      recordId: user.id,
      after: { emailConfirmedAt: now.toISOString() },
    });
    return { userId: user.id, email: user.email };
  });
}
