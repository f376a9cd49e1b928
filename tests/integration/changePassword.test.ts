import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "#db/schema/identity";
import { publicActor } from "~/domain/actor";
import { ForbiddenError, RuleError } from "~/domain/errors";
import { changePassword } from "~/domain/identity/changePassword";
import { verifyPassword } from "~/domain/identity/passwords";
import { actorFor, auditFor, createUser } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();

async function addSession(userId: string, id: string) {
  await db()
    .insert(sessions)
    .values({ id, userId, idleMinutes: 30, expiresAt: new Date(Date.now() + 30 * 60_000) });
}

describe("changePassword", () => {
  it("changes the password, keeps this session, ends the others and records it", async () => {
    const user = await createUser(db(), { email: "sam@example.com", name: "Sam", memberships: [{ role: "parent" }] });
    const other = await createUser(db());
    await addSession(user.id, "current");
    await addSession(user.id, "laptop");
    await addSession(user.id, "phone");
    await addSession(other.id, "someone-else");

    await changePassword(db(), actorFor(user, [{ role: "parent" }]), "current", { currentPassword: user.password, newPassword: "a brand new password" });

    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword("a brand new password", row.passwordHash)).toBe(true);
    expect(await verifyPassword(user.password, row.passwordHash)).toBe(false);
    expect((await db().select().from(sessions)).map((s) => s.id).sort()).toEqual(["current", "someone-else"]);
    expect(await auditFor(db(), "user", user.id)).toEqual([
      expect.objectContaining({ action: "account.password-changed", actorUserId: user.id, actorLabel: "Sam" }),
    ]);
  });

  it("refuses a wrong current password on that field and changes nothing", async () => {
    const user = await createUser(db(), { email: "sam@example.com" });
    await addSession(user.id, "current");
    await addSession(user.id, "laptop");
    const error = await changePassword(db(), actorFor(user), "current", { currentPassword: "not my password", newPassword: "a brand new password" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).fieldErrors).toEqual({ currentPassword: ["Your current password is incorrect"] });

    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(user.password, row.passwordHash)).toBe(true);
    expect(await db().select().from(sessions)).toHaveLength(2);
    expect(await auditFor(db())).toEqual([]);
  });

  it("refuses the public", async () => {
    await expect(changePassword(db(), publicActor(null), "x", { currentPassword: "a", newPassword: "b".repeat(12) })).rejects.toThrow(ForbiddenError);
  });
});
