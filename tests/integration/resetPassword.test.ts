import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, userTokens, users } from "#db/schema/identity";
import { outbox } from "#db/schema/notifications";
import { publicActor } from "~/domain/actor";
import { RuleError } from "~/domain/errors";
import { verifyPassword } from "~/domain/identity/passwords";
import { requestPasswordReset } from "~/domain/identity/requestPasswordReset";
import { isResetLinkLive, resetPassword } from "~/domain/identity/resetPassword";
import { signIn } from "~/domain/identity/signIn";
import { auditFor, createUser, outboxUrl, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
const actor = publicActor("203.0.113.9");
const EXPIRED_LINK = "This link has expired or has already been used. Ask for a new one";

async function requestLink(email: string) {
  const before = Date.now();
  const { outboxIds } = await requestPasswordReset(db(), actor, email, BASE);
  expect(outboxIds).toHaveLength(1);
  const [message] = await db().select().from(outbox).where(eq(outbox.id, outboxIds[0]));
  return { message, token: tokenFromUrl(outboxUrl(message)), before };
}

async function addSession(userId: string, id: string) {
  await db()
    .insert(sessions)
    .values({ id, userId, idleMinutes: 30, expiresAt: new Date(Date.now() + 30 * 60_000) });
}

describe("requestPasswordReset", () => {
  it("emails a one-hour link to a known address and records the request", async () => {
    const user = await createUser(db(), { email: "sam@example.com", name: "Sam" });
    const { message, before } = await requestLink(" SAM@example.com ");
    expect(message).toMatchObject({ to: "sam@example.com", template: "reset-password", status: "pending" });
    expect(outboxUrl(message)).toMatch(/^http:\/\/portal\.test\/reset-password\/[\w-]{43}$/);
    expect(message.props).toMatchObject({ name: "Sam", expiresInMinutes: 60 });

    const [token] = await db().select().from(userTokens).where(eq(userTokens.userId, user.id));
    expect(token.purpose).toBe("reset-password");
    const minutes = (token.expiresAt.getTime() - before) / 60_000;
    expect(minutes).toBeGreaterThan(59.9);
    expect(minutes).toBeLessThan(60.1);

    expect(await auditFor(db(), "user", user.id)).toEqual([
      expect.objectContaining({ action: "account.password-reset-requested", actorUserId: null, actorLabel: "public", ip: "203.0.113.9" }),
    ]);
  });

  it("sends nothing for an unknown address and says nothing different", async () => {
    await createUser(db(), { email: "sam@example.com" });
    expect(await requestPasswordReset(db(), actor, "nobody@example.com", BASE)).toEqual({ outboxIds: [] });
    expect(await db().select().from(outbox)).toEqual([]);
    expect(await db().select().from(userTokens)).toEqual([]);
    expect(await auditFor(db())).toEqual([]);
  });
});

describe("resetPassword", () => {
  it("sets the new password, signs the person out everywhere and records it", async () => {
    const user = await createUser(db(), { email: "sam@example.com", name: "Sam" });
    const other = await createUser(db(), { email: "other@example.com" });
    await addSession(user.id, "session-1");
    await addSession(user.id, "session-2");
    await addSession(other.id, "session-other");
    const { token } = await requestLink(user.email);

    expect(await isResetLinkLive(db(), token)).toBe(true);
    expect(await resetPassword(db(), actor, token, "a brand new password")).toEqual({ userId: user.id });

    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword("a brand new password", row.passwordHash)).toBe(true);
    expect(await verifyPassword(user.password, row.passwordHash)).toBe(false);
    expect((await db().select().from(sessions)).map((s) => s.id)).toEqual(["session-other"]);

    const audit = await auditFor(db(), "user", user.id);
    expect(audit.map((a) => a.action)).toEqual(["account.password-reset-requested", "account.password-reset"]);
    expect(audit[1]).toMatchObject({ actorLabel: "Sam", actorUserId: null });

    // the new password signs in; the old one does not
    expect((await signIn(db(), actor, { email: user.email, password: "a brand new password" }, BASE)).status).toBe("signed-in");
  });

  it("works once", async () => {
    const user = await createUser(db(), { email: "sam@example.com" });
    const { token } = await requestLink(user.email);
    await resetPassword(db(), actor, token, "a brand new password");
    expect(await isResetLinkLive(db(), token)).toBe(false);
    await expect(resetPassword(db(), actor, token, "another new password")).rejects.toThrow(EXPIRED_LINK);
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword("a brand new password", row.passwordHash)).toBe(true);
  });

  it("uses up every other outstanding reset link for the account", async () => {
    const user = await createUser(db(), { email: "sam@example.com" });
    const first = await requestLink(user.email);
    const second = await requestLink(user.email);
    await resetPassword(db(), actor, second.token, "a brand new password");
    await expect(resetPassword(db(), actor, first.token, "another new password")).rejects.toThrow(RuleError);
  });

  it("expires after an hour", async () => {
    const user = await createUser(db(), { email: "sam@example.com" });
    const { token } = await requestLink(user.email);
    await db()
      .update(userTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userTokens.userId, user.id));
    expect(await isResetLinkLive(db(), token)).toBe(false);
    await expect(resetPassword(db(), actor, token, "a brand new password")).rejects.toThrow(EXPIRED_LINK);
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(user.password, row.passwordHash)).toBe(true);
  });

  it("confirms an unconfirmed address, since the link proves it", async () => {
    const user = await createUser(db(), { email: "sam@example.com", confirmed: false });
    const { token } = await requestLink(user.email);
    await resetPassword(db(), actor, token, "a brand new password");
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row.emailConfirmedAt).toBeInstanceOf(Date);
  });
});
