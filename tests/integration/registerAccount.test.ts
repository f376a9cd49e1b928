import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations } from "#db/schema/authorities";
import { memberships, userTokens, users } from "#db/schema/identity";
import { outbox } from "#db/schema/notifications";
import { publicActor } from "~/domain/actor";
import { RuleError } from "~/domain/errors";
import { registerAccount } from "~/domain/identity/registerAccount";
import { hashToken } from "~/domain/identity/tokens";
import { verifyPassword } from "~/domain/identity/passwords";
import { auditFor, createUser, outboxUrl, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
const actor = publicActor("203.0.113.9");

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  return error as RuleError;
}

describe("registerAccount", () => {
  it("creates an unconfirmed parent with a membership, a confirmation token, an email and an audit event", async () => {
    const before = Date.now();
    const { userId, outboxIds } = await registerAccount(
      db(),
      actor,
      { name: "  Sam Parent ", email: " Sam.Parent@Example.com ", password: "correct horse battery", roles: ["parent", "chaperone"] },
      BASE,
    );

    const [user] = await db().select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ email: "sam.parent@example.com", name: "Sam Parent", emailConfirmedAt: null });
    expect(await verifyPassword("correct horse battery", user.passwordHash)).toBe(true);

    const roles = await db().select().from(memberships).where(eq(memberships.userId, userId));
    expect(roles.map((m) => m.role).sort()).toEqual(["chaperone", "parent"]);
    expect(roles.every((m) => m.organisationId === null && m.authorityId === null)).toBe(true);
    expect(await db().select().from(organisations)).toEqual([]);

    const [message] = await db().select().from(outbox).where(eq(outbox.id, outboxIds[0]));
    expect(message).toMatchObject({ to: "sam.parent@example.com", template: "confirm-email", status: "pending", attempts: 0 });
    expect(outboxUrl(message)).toMatch(/^http:\/\/portal\.test\/confirm-email\/[\w-]{43}$/);
    expect(message.props).toMatchObject({ name: "Sam Parent", expiresInHours: 24 });

    const [token] = await db().select().from(userTokens).where(eq(userTokens.userId, userId));
    expect(token.purpose).toBe("confirm-email");
    expect(token.usedAt).toBeNull();
    // only the hash of the emailed token is stored
    expect(token.tokenHash).toBe(hashToken(tokenFromUrl(outboxUrl(message))));
    const hours = (token.expiresAt.getTime() - before) / 3600_000;
    expect(hours).toBeGreaterThan(23.99);
    expect(hours).toBeLessThan(24.01);

    const audit = await auditFor(db(), "user", userId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "account.registered", actorUserId: userId, actorLabel: "Sam Parent", ip: "203.0.113.9" });
    expect(audit[0].after).toMatchObject({ email: "sam.parent@example.com", roles: ["parent", "chaperone"] });
  });

  it("creates the organisation for a producer and records it", async () => {
    const { userId } = await registerAccount(
      db(),
      actor,
      { name: "Pat Producer", email: "pat@example.com", password: "correct horse battery", roles: ["producer"], organisationName: " Bright Lights Ltd " },
      BASE,
    );
    const [org] = await db().select().from(organisations);
    expect(org).toMatchObject({ name: "Bright Lights Ltd", kind: "producer" });
    const roles = await db().select().from(memberships).where(eq(memberships.userId, userId));
    expect(roles).toEqual([expect.objectContaining({ role: "producer", organisationId: org.id })]);
    const audit = await auditFor(db(), "organisation", org.id);
    expect(audit).toEqual([expect.objectContaining({ action: "organisation.created", actorUserId: userId })]);
  });

  it("creates the organisation for an employer", async () => {
    await registerAccount(
      db(),
      actor,
      { name: "Em Employer", email: "em@example.com", password: "correct horse battery", roles: ["employer"], organisationName: "Model Agency" },
      BASE,
    );
    const [org] = await db().select().from(organisations);
    expect(org).toMatchObject({ name: "Model Agency", kind: "employer" });
  });

  it("refuses an email address that already has an account, whatever its case", async () => {
    await createUser(db(), { email: "taken@example.com" });
    const error = await rejection(
      registerAccount(db(), actor, { name: "Someone", email: "TAKEN@example.com ", password: "correct horse battery", roles: ["parent"] }, BASE),
    );
    expect(Object.keys(error.fieldErrors)).toEqual(["email"]);
    expect(error.fieldErrors.email[0]).toMatch(/already exists/);
    expect(await db().select().from(outbox)).toEqual([]);
    expect(await auditFor(db())).toEqual([]);
  });

  it.each([undefined, "", "   "])("refuses a producer without an organisation name (%j)", async (organisationName) => {
    const error = await rejection(
      registerAccount(db(), actor, { name: "Pat", email: "pat@example.com", password: "correct horse battery", roles: ["producer"], organisationName }, BASE),
    );
    expect(error.fieldErrors).toEqual({ organisationName: ["Enter the name of your organisation"] });
    expect(await db().select().from(users)).toEqual([]);
    expect(await db().select().from(outbox)).toEqual([]);
  });

  it("writes nothing when the transaction fails part way", async () => {
    // PostgreSQL text cannot hold NUL, so the organisation insert fails after the user row is written.
    await expect(
      registerAccount(
        db(),
        actor,
        { name: "Bad", email: "bad@example.com", password: "correct horse battery", roles: ["producer"], organisationName: "Bad\u0000Org" },
        BASE,
      ),
    ).rejects.toThrow();
    expect(await db().select().from(users)).toEqual([]);
    expect(await auditFor(db())).toEqual([]);
    expect(await db().select().from(outbox)).toEqual([]);
  });
});
