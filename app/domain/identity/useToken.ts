import { and, eq, gt, isNull } from "drizzle-orm";
import { userTokens } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import { hashToken } from "./tokens";

/** Finds a live (unused, unexpired) token for a purpose, locking it inside the caller's transaction. */
export async function findLiveToken(tx: Db, token: string, purpose: "confirm-email" | "reset-password", now = new Date()) {
  const [row] = await tx
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
    .for("update");
  return row;
}
