import { eq } from "drizzle-orm";
import { userTokens, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { queueEmail } from "../notifications/queueEmail";
import { ACCOUNT_RULES } from "./rules";
import { newToken } from "./tokens";

/** Emails a single-use reset link valid for 1 hour. Says nothing about whether the account exists. */
export async function requestPasswordReset(db: Db, actor: Actor, emailInput: string, baseUrl: string) {
  const email = emailInput.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) return { outboxIds: [] as string[] };
  const { token, hash } = newToken();
  return db.transaction(async (tx) => {
    await tx.insert(userTokens).values({
      userId: user.id,
      purpose: "reset-password",
      tokenHash: hash,
      expiresAt: new Date(Date.now() + ACCOUNT_RULES.resetPasswordMinutes * 60_000),
    });
    await recordAudit(tx, { ...actor, name: actor.userId ? actor.name : "public" }, {
      action: "account.password-reset-requested",
      recordType: "user",
      recordId: user.id,
    });
    const outboxId = await queueEmail(tx, user.email, "reset-password", {
      name: user.name,
      url: `${baseUrl}/reset-password/${token}`,
      expiresInMinutes: ACCOUNT_RULES.resetPasswordMinutes,
    });
    return { outboxIds: [outboxId] };
  });
}
