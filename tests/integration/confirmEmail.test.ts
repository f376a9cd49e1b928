import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { userTokens, users } from "#db/schema/identity";
import { outbox } from "#db/schema/notifications";
import { publicActor } from "~/domain/actor";
import { RuleError } from "~/domain/errors";
import { confirmEmail } from "~/domain/identity/confirmEmail";
import { registerAccount } from "~/domain/identity/registerAccount";
import { auditFor, outboxUrl, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const actor = publicActor("203.0.113.9");

async function register(email = "sam@example.com") {
  const { userId, outboxIds } = await registerAccount(
    db(),
    actor,
    { name: "Sam Parent", email, password: "correct horse battery", roles: ["parent"] },
    "http://portal.test",
  );
  const [message] = await db().select().from(outbox).where(eq(outbox.id, outboxIds[0]));
  return { userId, token: tokenFromUrl(outboxUrl(message)) };
}

const EXPIRED = "This link has expired or has already been used. Sign in to get a new one";

describe("confirmEmail", () => {
  it("confirms the address, uses up the token and records it", async () => {
    const { userId, token } = await register();
    const result = await confirmEmail(db(), actor, token);
    expect(result).toEqual({ userId, email: "sam@example.com" });

    const [user] = await db().select().from(users).where(eq(users.id, userId));
    expect(user.emailConfirmedAt).toBeInstanceOf(Date);
    const [row] = await db().select().from(userTokens).where(eq(userTokens.userId, userId));
    expect(row.usedAt).toBeInstanceOf(Date);

    const audit = (await auditFor(db(), "user", userId)).map((a) => a.action);
    expect(audit).toEqual(["account.registered", "account.email-confirmed"]);
  });

  it("refuses a token that has already been used", async () => {
    const { token } = await register();
    await confirmEmail(db(), actor, token);
    await expect(confirmEmail(db(), actor, token)).rejects.toThrow(RuleError);
    await expect(confirmEmail(db(), actor, token)).rejects.toThrow(EXPIRED);
  });

  it("refuses an expired token and leaves the account unconfirmed", async () => {
    const { userId, token } = await register();
    await db()
      .update(userTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userTokens.userId, userId));
    await expect(confirmEmail(db(), actor, token)).rejects.toThrow(EXPIRED);
    const [user] = await db().select().from(users).where(eq(users.id, userId));
    expect(user.emailConfirmedAt).toBeNull();
    expect((await auditFor(db(), "user", userId)).map((a) => a.action)).toEqual(["account.registered"]);
  });

  it("refuses an unknown token", async () => {
    await register();
    await expect(confirmEmail(db(), actor, "not-a-real-token")).rejects.toThrow(EXPIRED);
  });

  it("refuses a password-reset token used as a confirmation link", async () => {
    const { userId, token } = await register();
    await db().update(userTokens).set({ purpose: "reset-password" }).where(eq(userTokens.userId, userId));
    await expect(confirmEmail(db(), actor, token)).rejects.toThrow(EXPIRED);
  });
});
