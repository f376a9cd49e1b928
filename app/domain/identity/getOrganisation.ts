import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { invitations, memberships, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { can } from "./capabilities";

/** An organisation's members and pending invitations, for its own members only. */
export async function getOrganisation(db: Db, actor: Actor, organisationId: string, now = new Date()) {
  if (!can(actor, "organisation:invite", { organisationId })) throw new NotFoundError("Organisation");
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!organisation) throw new NotFoundError("Organisation");
  const members = await db
    .select({ id: memberships.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name));
  const pending = await db
    .select({ id: invitations.id, name: invitations.name, email: invitations.email })
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)));
  return { organisation, members, pending };
}
