import { and, count, eq, gt } from "drizzle-orm";
import { signInAttempts, userTokens, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { UNUSABLE_HASH, verifyPassword } from "./passwords";
import { ACCOUNT_RULES } from "./rules";
import { newToken } from "./tokens";

export class ThrottledError extends RuleError {
  constructor(public readonly minutes: number) {
    super({ "": [`Too many failed attempts to sign in. Wait ${minutes} minutes and try again, or reset your password`] });
  }
}

/** Minutes to wait before another attempt, or 0 when attempts are allowed. */
export async function throttleMinutes(db: Db, email: string, ip: string | null, now = new Date()) {
  const { windowMinutes, maxFailuresPerAccount, maxFailuresPerAddress } = ACCOUNT_RULES.throttle;
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  const failed = (where: ReturnType<typeof and>) =>
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(where, eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)))
      .then((r) => Number(r[0].n));
  const byAccount = await failed(eq(signInAttempts.email, email));
  const byAddress = ip ? await failed(eq(signInAttempts.ip, ip)) : 0;
  return byAccount >= maxFailuresPerAccount || byAddress >= maxFailuresPerAddress ? windowMinutes : 0;
}

/**
 * Checks an email and password. Throttled after 5 failures for an account or 20 from one address in 15 minutes.
 * An unconfirmed account gets a fresh confirmation email instead of a session.
 */
export async function signIn(db: Db, actor: Actor, input: { email: string; password: string }, baseUrl: string) {
  const email = input.email.trim().toLowerCase();
  const wait = await throttleMinutes(db, email, actor.ip);
  if (wait) throw new ThrottledError(wait);

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_HASH);
  await db.insert(signInAttempts).values({ email, ip: actor.ip, succeeded: ok && !!user });
  if (!user || !ok) {
    throw RuleError.field("", "Enter a correct email address and password");
  }
  if (!user.emailConfirmedAt) {
    const { token, hash } = newToken();
    const outboxId = await db.transaction(async (tx) => {
      await tx.insert(userTokens).values({
        userId: user.id,
        purpose: "confirm-email",
        tokenHash: hash,
        expiresAt: new Date(Date.now() + ACCOUNT_RULES.confirmEmailHours * 3600_000),
      });
      await recordAudit(tx, { ...actor, userId: user.id, name: user.name }, { action: "account.confirmation-resent", recordType: "user", recordId: user.id });
      return queueEmail(tx, user.email, "confirm-email", {
        name: user.name,
        url: `${baseUrl}/confirm-email/${token}`,
        expiresInHours: ACCOUNT_RULES.confirmEmailHours,
      });
    });
    return { status: "unconfirmed" as const, userId: user.id, outboxIds: [outboxId] };
  }
  await recordAudit(db, { ...actor, userId: user.id, name: user.name }, { action: "account.signed-in", recordType: "user", recordId: user.id });
  return { status: "signed-in" as const, userId: user.id, name: user.name, outboxIds: [] as string[] };
}
