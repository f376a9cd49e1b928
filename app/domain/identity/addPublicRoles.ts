import { organisations } from "#db/schema/authorities";
import { memberships, type PublicRole } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { ForbiddenError, RuleError } from "../errors";

/** A signed-in person takes on more public roles; a producer or employer role starts a new organisation. */
export async function addPublicRoles(db: Db, actor: Actor, input: { roles: PublicRole[]; organisationName?: string }) {
  if (!actor.userId) throw new ForbiddenError();
  const held = new Set(actor.memberships.map((m) => m.role));
  const adding = input.roles.filter((r) => !held.has(r));
  if (!adding.length) throw RuleError.field("roles", "Select a role you do not already have");
  if (adding.some((r) => r === "producer" || r === "employer") && !input.organisationName?.trim()) {
    throw RuleError.field("organisationName", "Enter the name of your organisation");
  }
  await db.transaction(async (tx) => {
    for (const role of adding) {
      let organisationId: string | null = null;
      if (role === "producer" || role === "employer") {
        const [org] = await tx.insert(organisations).values({ name: input.organisationName!.trim(), kind: role }).returning();
        organisationId = org.id;
        await recordAudit(tx, actor, { action: "organisation.created", recordType: "organisation", recordId: org.id, after: { name: org.name, kind: role } });
      }
      await tx.insert(memberships).values({ userId: actor.userId!, role, organisationId });
    }
    await recordAudit(tx, actor, { action: "account.roles-added", recordType: "user", recordId: actor.userId!, after: { roles: adding } });
  });
  return { added: adding };
}
