import { eq } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { childInvitations, productions } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import { hashToken } from "../identity/tokens";

export const INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What a producer's invitation link shows: the production and the child it is about, or that it has expired or been used. */
export async function describeChildInvitation(db: Db, token: string, now = new Date()) {
  if (!INVITATION_TOKEN.test(token)) return { state: "expired" as const };
  const [row] = await db
    .select({
      id: childInvitations.id,
      childName: childInvitations.childName,
      expiresAt: childInvitations.expiresAt,
      acceptedAt: childInvitations.acceptedAt,
      productionTitle: productions.title,
      organisationName: organisations.name,
    })
    .from(childInvitations)
    .innerJoin(productions, eq(productions.id, childInvitations.productionId))
    .innerJoin(organisations, eq(organisations.id, productions.organisationId))
    .where(eq(childInvitations.tokenHash, hashToken(token)));
  if (!row) return { state: "expired" as const };
  if (row.acceptedAt) return { state: "used" as const };
  if (row.expiresAt <= now) return { state: "expired" as const };
  return { state: "open" as const, childName: row.childName, productionTitle: row.productionTitle, organisationName: row.organisationName, expiresAt: row.expiresAt.toISOString() };
}
