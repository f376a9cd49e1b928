import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signInAttempts, userTokens } from "#db/schema/identity";
import { outbox } from "#db/schema/notifications";
import { publicActor } from "~/domain/actor";
import { RuleError } from "~/domain/errors";
import { signIn, ThrottledError, throttleMinutes } from "~/domain/identity/signIn";
import { hashToken } from "~/domain/identity/tokens";
import { auditFor, createUser, outboxUrl, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
const WRONG = "Enter a correct email address and password";

const from = (ip: string | null) => publicActor(ip);

async function failWith(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  return error as RuleError;
}

describe("signIn", () => {
  it("signs in a confirmed person with the right password, whatever the email's case", async () => {
    const user = await createUser(db(), { email: "sam@example.com", name: "Sam" });
    const result = await signIn(db(), from("203.0.113.1"), { email: " SAM@example.com", password: user.password }, BASE);
    expect(result).toEqual({ status: "signed-in", userId: user.id, name: "Sam", outboxIds: [] });
    const attempts = await db().select().from(signInAttempts);
    expect(attempts).toEqual([expect.objectContaining({ email: "sam@example.com", ip: "203.0.113.1", succeeded: true })]);
  });

  it("refuses a wrong password with a form-level message and records the failure", async () => {
    const user = await createUser(db(), { email: "sam@example.com" });
    const error = await failWith(signIn(db(), from("203.0.113.1"), { email: user.email, password: "wrong password" }, BASE));
    expect(error).not.toBeInstanceOf(ThrottledError);
    expect(error.fieldErrors).toEqual({ "": [WRONG] });
    const attempts = await db().select().from(signInAttempts);
    expect(attempts).toEqual([expect.objectContaining({ email: "sam@example.com", succeeded: false })]);
  });

  it("gives the same answer for an unknown email", async () => {
    const error = await failWith(signIn(db(), from("203.0.113.1"), { email: "nobody@example.com", password: "anything at all" }, BASE));
    expect(error.fieldErrors).toEqual({ "": [WRONG] });
  });

  it("sends an unconfirmed person a new confirmation email instead of signing them in", async () => {
    const user = await createUser(db(), { email: "new@example.com", name: "New Person", confirmed: false });
    const result = await signIn(db(), from("203.0.113.1"), { email: user.email, password: user.password }, BASE);
    expect(result.status).toBe("unconfirmed");
    expect(result.userId).toBe(user.id);

    const [message] = await db().select().from(outbox).where(eq(outbox.id, result.outboxIds[0]));
    expect(message).toMatchObject({ to: "new@example.com", template: "confirm-email", status: "pending" });
    const [token] = await db()
      .select()
      .from(userTokens)
      .where(and(eq(userTokens.userId, user.id), eq(userTokens.purpose, "confirm-email")));
    expect(token.tokenHash).toBe(hashToken(tokenFromUrl(outboxUrl(message))));
    expect(await auditFor(db(), "user", user.id)).toEqual([expect.objectContaining({ action: "account.confirmation-resent", actorUserId: user.id })]);
  });

  it("does not resend confirmation to someone with the wrong password", async () => {
    const user = await createUser(db(), { email: "new@example.com", confirmed: false });
    await failWith(signIn(db(), from("203.0.113.1"), { email: user.email, password: "wrong password" }, BASE));
    expect(await db().select().from(outbox)).toEqual([]);
  });

  describe("throttling", () => {
    it("after 5 failures for an account within 15 minutes, refuses even the right password", async () => {
      const user = await createUser(db(), { email: "sam@example.com" });
      for (let i = 0; i < 5; i++) {
        const error = await failWith(signIn(db(), from(`198.51.100.${i}`), { email: user.email, password: `wrong ${i}` }, BASE));
        expect(error).not.toBeInstanceOf(ThrottledError);
      }
      const error = await failWith(signIn(db(), from("198.51.100.99"), { email: user.email, password: user.password }, BASE));
      expect(error).toBeInstanceOf(ThrottledError);
      expect((error as ThrottledError).minutes).toBe(15);
      expect(error.fieldErrors[""][0]).toMatch(/Too many failed attempts/);
      // the throttled attempt is not checked or counted
      expect(await db().select().from(signInAttempts)).toHaveLength(5);
    });

    it("4 failures still allow the right password", async () => {
      const user = await createUser(db(), { email: "sam@example.com" });
      for (let i = 0; i < 4; i++) await failWith(signIn(db(), from("198.51.100.1"), { email: user.email, password: "wrong" }, BASE));
      const result = await signIn(db(), from("198.51.100.1"), { email: user.email, password: user.password }, BASE);
      expect(result.status).toBe("signed-in");
    });

    it("throttles one address after 20 failures across different accounts", async () => {
      const ip = "192.0.2.50";
      const victim = await createUser(db(), { email: "victim@example.com" });
      for (let i = 0; i < 20; i++) {
        await failWith(signIn(db(), from(ip), { email: `guess${i}@example.com`, password: "password123" }, BASE));
      }
      const error = await failWith(signIn(db(), from(ip), { email: victim.email, password: victim.password }, BASE));
      expect(error).toBeInstanceOf(ThrottledError);
      // another address may still sign in to the same account
      const ok = await signIn(db(), from("192.0.2.51"), { email: victim.email, password: victim.password }, BASE);
      expect(ok.status).toBe("signed-in");
    });

    it("ignores failures older than 15 minutes", async () => {
      const user = await createUser(db(), { email: "sam@example.com" });
      const old = new Date(Date.now() - 16 * 60_000);
      await db()
        .insert(signInAttempts)
        .values(Array.from({ length: 30 }, () => ({ email: user.email, ip: "192.0.2.60", succeeded: false, at: old })));
      const result = await signIn(db(), from("192.0.2.60"), { email: user.email, password: user.password }, BASE);
      expect(result.status).toBe("signed-in");
    });

    it("does not count successful attempts", async () => {
      const user = await createUser(db(), { email: "sam@example.com" });
      await db()
        .insert(signInAttempts)
        .values(Array.from({ length: 30 }, () => ({ email: user.email, ip: "192.0.2.70", succeeded: true })));
      expect(await throttleMinutes(db(), user.email, "192.0.2.70")).toBe(0);
    });

    it("counts the window from the given time", async () => {
      const now = new Date("2025-03-30T01:30:00Z"); // across the spring clock change in London
      const rows = Array.from({ length: 5 }, (_, i) => ({ email: "sam@example.com", ip: null, succeeded: false, at: new Date(now.getTime() - (10 + i) * 60_000) }));
      await db().insert(signInAttempts).values(rows);
      expect(await throttleMinutes(db(), "sam@example.com", null, now)).toBe(15);
      expect(await throttleMinutes(db(), "sam@example.com", null, new Date(now.getTime() + 2 * 60_000))).toBe(0);
      expect(await throttleMinutes(db(), "other@example.com", null, now)).toBe(0);
    });
  });
});
