import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations, memberships, users } from "#db/schema/identity";
import { outbox } from "#db/schema/notifications";
import { publicActor } from "~/domain/actor";
import { ForbiddenError, RuleError } from "~/domain/errors";
import { acceptInvitation, findLiveInvitation } from "~/domain/identity/acceptInvitation";
import { inviteStaff } from "~/domain/identity/inviteStaff";
import { loadActor } from "~/domain/identity/loadActor";
import { verifyPassword } from "~/domain/identity/passwords";
import { hashToken } from "~/domain/identity/tokens";
import { actorFor, auditFor, createAuthority, createSchool, createUser, outboxUrl, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
const EXPIRED_INVITATION = "This invitation has expired or has already been used. Ask your administrator to invite you again";

async function setUp() {
  const a = await createAuthority(db(), { name: "Northmere Council" });
  const b = await createAuthority(db(), { name: "Southmere Council" });
  const adminUser = await createUser(db(), { name: "Ada Admin", memberships: [{ role: "admin", authorityId: a.id }] });
  const admin = actorFor(adminUser, [{ role: "admin", authorityId: a.id }]);
  return { a, b, adminUser, admin };
}

async function invitationEmail(outboxId: string) {
  const [message] = await db().select().from(outbox).where(eq(outbox.id, outboxId));
  return { message, token: tokenFromUrl(outboxUrl(message)) };
}

describe("inviteStaff", () => {
  it("lets an admin invite an officer for their own authority, emailing a 7-day link and recording it", async () => {
    const { a, adminUser, admin } = await setUp();
    const before = Date.now();
    const { invitationId, outboxIds } = await inviteStaff(
      db(),
      admin,
      { authorityId: a.id, name: " Olive Officer ", email: " Olive@Example.com", role: "officer" },
      BASE,
    );
    const [invitation] = await db().select().from(invitations).where(eq(invitations.id, invitationId));
    expect(invitation).toMatchObject({
      email: "olive@example.com",
      name: "Olive Officer",
      role: "officer",
      authorityId: a.id,
      schoolId: null,
      invitedBy: adminUser.id,
      acceptedAt: null,
    });
    const days = (invitation.expiresAt.getTime() - before) / 86400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);

    const { message, token } = await invitationEmail(outboxIds[0]);
    expect(message).toMatchObject({ to: "olive@example.com", template: "staff-invitation" });
    expect(message.props).toMatchObject({ invitedBy: "Ada Admin", roleDescription: "a licensing officer at Northmere Council", expiresInDays: 7 });
    expect(outboxUrl(message)).toBe(`${BASE}/invitations/${token}`);
    expect(invitation.tokenHash).toBe(hashToken(token));

    expect(await auditFor(db(), "invitation", invitationId)).toEqual([
      expect.objectContaining({ action: "staff.invited", actorUserId: adminUser.id, actorLabel: "Ada Admin" }),
    ]);
  });

  it("describes a LADO invitation with 'the LADO'", async () => {
    const { a, admin } = await setUp();
    const { outboxIds } = await inviteStaff(db(), admin, { authorityId: a.id, name: "Lee", email: "lee@example.com", role: "lado" }, BASE);
    const { message } = await invitationEmail(outboxIds[0]);
    expect(message.props).toMatchObject({ roleDescription: "the LADO at Northmere Council" });
  });

  it("refuses an admin of another authority", async () => {
    const { a, b } = await setUp();
    const otherAdmin = await createUser(db(), { memberships: [{ role: "admin", authorityId: b.id }] });
    await expect(
      inviteStaff(db(), actorFor(otherAdmin, [{ role: "admin", authorityId: b.id }]), { authorityId: a.id, name: "X", email: "x@example.com", role: "officer" }, BASE),
    ).rejects.toThrow(ForbiddenError);
    expect(await db().select().from(invitations)).toEqual([]);
    expect(await db().select().from(outbox)).toEqual([]);
  });

  it.each(["officer", "lado", "school", "parent", "producer"] as const)("refuses a %s of the same authority", async (role) => {
    const { a } = await setUp();
    const user = await createUser(db());
    const actor = actorFor(user, [{ role, authorityId: a.id }]);
    await expect(inviteStaff(db(), actor, { authorityId: a.id, name: "X", email: "x@example.com", role: "officer" }, BASE)).rejects.toThrow(ForbiddenError);
    expect(await db().select().from(invitations)).toEqual([]);
  });

  it("refuses the public", async () => {
    const { a } = await setUp();
    await expect(inviteStaff(db(), publicActor(null), { authorityId: a.id, name: "X", email: "x@example.com", role: "admin" }, BASE)).rejects.toThrow(
      ForbiddenError,
    );
  });

  it("requires a school for a school contact", async () => {
    const { a, admin } = await setUp();
    const error = await inviteStaff(db(), admin, { authorityId: a.id, name: "Sue", email: "sue@example.com", role: "school" }, BASE).catch((e) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect(error.fieldErrors).toEqual({ schoolId: ["Select the school"] });
  });

  it("refuses a school belonging to another authority", async () => {
    const { a, b, admin } = await setUp();
    const otherSchool = await createSchool(db(), { authorityId: b.id });
    const error = await inviteStaff(db(), admin, { authorityId: a.id, name: "Sue", email: "sue@example.com", role: "school", schoolId: otherSchool.id }, BASE).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(RuleError);
    expect(error.fieldErrors).toEqual({ schoolId: ["Select the school"] });
    expect(await db().select().from(invitations)).toEqual([]);
  });

  it("invites a school contact for a school of the same authority", async () => {
    const { a, admin } = await setUp();
    const school = await createSchool(db(), { authorityId: a.id, name: "Northmere Primary" });
    const { invitationId, outboxIds } = await inviteStaff(
      db(),
      admin,
      { authorityId: a.id, name: "Sue", email: "sue@example.com", role: "school", schoolId: school.id },
      BASE,
    );
    const [invitation] = await db().select().from(invitations).where(eq(invitations.id, invitationId));
    expect(invitation).toMatchObject({ role: "school", authorityId: a.id, schoolId: school.id });
    const { message } = await invitationEmail(outboxIds[0]);
    expect(message.props).toMatchObject({ roleDescription: "the contact for Northmere Primary" });
  });
});

describe("acceptInvitation", () => {
  async function invite(role: "officer" | "admin" = "officer", email = "olive@example.com") {
    const ctx = await setUp();
    const { invitationId, outboxIds } = await inviteStaff(db(), ctx.admin, { authorityId: ctx.a.id, name: "Olive Officer", email, role }, BASE);
    const { token } = await invitationEmail(outboxIds[0]);
    return { ...ctx, invitationId, token };
  }

  it("creates a confirmed account with the membership for a new person and records it", async () => {
    const { a, invitationId, token } = await invite();
    const result = await acceptInvitation(db(), publicActor("203.0.113.5"), token, { password: "a brand new password" });
    expect(result).toMatchObject({ role: "officer", createdAccount: true });

    const [user] = await db().select().from(users).where(eq(users.id, result.userId));
    expect(user).toMatchObject({ email: "olive@example.com", name: "Olive Officer" });
    expect(user.emailConfirmedAt).toBeInstanceOf(Date);
    expect(await verifyPassword("a brand new password", user.passwordHash)).toBe(true);

    const roles = await db().select().from(memberships).where(eq(memberships.userId, user.id));
    expect(roles).toEqual([expect.objectContaining({ role: "officer", authorityId: a.id, schoolId: null })]);
    const actor = await loadActor(db(), user.id, null);
    expect(actor?.memberships.map((m) => m.role)).toEqual(["officer"]);

    const [invitation] = await db().select().from(invitations).where(eq(invitations.id, invitationId));
    expect(invitation.acceptedAt).toBeInstanceOf(Date);
    const audit = await auditFor(db(), "invitation", invitationId);
    expect(audit.map((e) => e.action)).toEqual(["staff.invited", "invitation.accepted"]);
    expect(audit[1]).toMatchObject({ actorUserId: user.id, actorLabel: "Olive Officer", ip: "203.0.113.5" });
    expect(audit[1].after).toMatchObject({ membershipId: roles[0].id, role: "officer" });
  });

  it("needs a password from a new person", async () => {
    const { token } = await invite();
    const error = await acceptInvitation(db(), publicActor(null), token).catch((e) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect(error.fieldErrors).toEqual({ password: ["Enter a password"] });
    expect(await findLiveInvitation(db(), token)).toBeDefined();
  });

  it("works once", async () => {
    const { token } = await invite();
    await acceptInvitation(db(), publicActor(null), token, { password: "a brand new password" });
    expect(await findLiveInvitation(db(), token)).toBeUndefined();
    await expect(acceptInvitation(db(), publicActor(null), token, { password: "another password" })).rejects.toThrow(EXPIRED_INVITATION);
    expect(await db().select().from(memberships).where(eq(memberships.role, "officer"))).toHaveLength(1);
  });

  it("expires", async () => {
    const { token, invitationId } = await invite();
    await db()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, invitationId));
    await expect(acceptInvitation(db(), publicActor(null), token, { password: "a brand new password" })).rejects.toThrow(EXPIRED_INVITATION);
    expect(await findLiveInvitation(db(), token, { now: new Date(Date.now() - 60_000) })).toBeDefined();
  });

  it("adds the role to an existing account when that person is signed in", async () => {
    const existing = await createUser(db(), { email: "olive@example.com", name: "Olive", memberships: [{ role: "parent" }] });
    const { a, token } = await invite("officer", "olive@example.com");
    const result = await acceptInvitation(db(), actorFor(existing, [{ role: "parent" }]), token);
    expect(result).toEqual({ userId: existing.id, role: "officer", createdAccount: false });
    const roles = await db().select().from(memberships).where(eq(memberships.userId, existing.id));
    expect(roles.map((m) => [m.role, m.authorityId]).sort()).toEqual([
      ["officer", a.id],
      ["parent", null],
    ]);
    // the existing password is unchanged
    const [user] = await db().select().from(users).where(eq(users.id, existing.id));
    expect(await verifyPassword(existing.password, user.passwordHash)).toBe(true);
  });

  it("refuses to add the role to an existing account when nobody, or someone else, is signed in", async () => {
    const existing = await createUser(db(), { email: "olive@example.com" });
    const someoneElse = await createUser(db(), { email: "mallory@example.com" });
    const { token } = await invite("admin", "olive@example.com");
    for (const actor of [publicActor(null), actorFor(someoneElse)]) {
      const error = await acceptInvitation(db(), actor, token, { password: "a brand new password" }).catch((e) => e);
      expect(error).toBeInstanceOf(RuleError);
      expect(error.fieldErrors).toEqual({ "": ["Sign in as olive@example.com to accept this invitation"] });
    }
    expect(await db().select().from(memberships).where(eq(memberships.userId, existing.id))).toEqual([]);
    expect(await db().select().from(memberships).where(eq(memberships.userId, someoneElse.id))).toEqual([]);
    expect(await findLiveInvitation(db(), token)).toBeDefined();
  });
});
