import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations } from "#db/schema/authorities";
import { memberships } from "#db/schema/identity";
import { publicActor } from "~/domain/actor";
import { ForbiddenError, RuleError } from "~/domain/errors";
import { addPublicRoles } from "~/domain/identity/addPublicRoles";
import { actorFor, auditFor, createUser } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();

describe("addPublicRoles", () => {
  it("adds a chaperone role and a producer role with a new organisation, audited", async () => {
    const user = await createUser(db(), { memberships: [{ role: "parent" }] });
    const actor = actorFor(user, [{ role: "parent" }]);
    await addPublicRoles(db(), actor, { roles: ["chaperone", "producer"], organisationName: "Little Stars Ltd" });
    const rows = await db().select().from(memberships).where(eq(memberships.userId, user.id));
    expect(rows.map((r) => r.role).sort()).toEqual(["chaperone", "parent", "producer"]);
    const [org] = await db().select().from(organisations);
    expect(org).toMatchObject({ name: "Little Stars Ltd", kind: "producer" });
    expect(rows.find((r) => r.role === "producer")?.organisationId).toBe(org.id);
    expect((await auditFor(db(), "user", user.id)).map((a) => a.action)).toContain("account.roles-added");
  });

  it("refuses roles the person already holds", async () => {
    const user = await createUser(db(), { memberships: [{ role: "parent" }] });
    await expect(addPublicRoles(db(), actorFor(user, [{ role: "parent" }]), { roles: ["parent"] })).rejects.toBeInstanceOf(RuleError);
  });

  it("needs an organisation name for an employer role", async () => {
    const user = await createUser(db());
    const error = await addPublicRoles(db(), actorFor(user, []), { roles: ["employer"] }).catch((e) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect(error.fieldErrors.organisationName).toBeDefined();
    expect(await db().select().from(memberships).where(eq(memberships.userId, user.id))).toEqual([]);
  });

  it("refuses someone not signed in", async () => {
    await expect(addPublicRoles(db(), publicActor(null), { roles: ["parent"] })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
