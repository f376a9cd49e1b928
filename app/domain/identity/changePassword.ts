import { and, eq, ne } from "drizzle-orm";
import { sessions, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { ForbiddenError, RuleError } from "../errors";
import { hashPassword, verifyPassword } from "./passwords";

/** Changes the signed-in person's password and signs out their other sessions. */
export async function changePassword(db: Db, actor: Actor, currentSessionId: string, input: { currentPassword: string; newPassword: string }) {
  if (!actor.userId) throw new ForbiddenError();
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw RuleError.field("currentPassword", "Your current password is incorrect");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, currentSessionId)));
    await recordAudit(tx, actor, { action: "account.password-changed", recordType: "user", recordId: user.id });
  });
}
