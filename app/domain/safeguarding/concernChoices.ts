import { asc, eq, inArray, or } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { organisationScope } from "../identity/capabilities";

export type BookedChaperone = { reference: string; name: string; production: string; authorityId: string };

/**
 * The licensed chaperones a signed-in reporter can name: those booked to look after their children (a parent) or
 * in their organisation's productions (a producer). The council is the child's home council.
 */
export async function bookedChaperones(db: Db, actor: Actor): Promise<BookedChaperone[]> {
  if (!actor.userId) return [];
  const organisations = organisationScope(actor, "producer:use");
  const rows = await db
    .selectDistinct({
      reference: issuedDocuments.reference,
      name: issuedDocuments.holderName,
      production: productions.title,
      authorityId: performanceApplications.authorityId,
    })
    .from(scheduleDays)
    .innerJoin(performanceApplications, eq(performanceApplications.id, scheduleDays.applicationId))
    .innerJoin(children, eq(children.id, performanceApplications.childId))
    .innerJoin(productions, eq(productions.id, performanceApplications.productionId))
    .innerJoin(issuedDocuments, eq(issuedDocuments.id, scheduleDays.chaperoneDocumentId))
    .where(
      or(
        eq(children.parentUserId, actor.userId),
        organisations.length ? inArray(performanceApplications.organisationId, organisations) : undefined,
      ),
    )
    .orderBy(asc(issuedDocuments.holderName), asc(productions.title))
    .limit(200);
  // one entry per chaperone: the first production named
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.reference) && seen.add(r.reference));
}

/** Every council, for "which council should deal with this?". */
export async function concernAuthorities(db: Db) {
  return db.select({ id: authorities.id, name: authorities.name }).from(authorities).orderBy(asc(authorities.name));
}

/** A signed-in parent's own children's council, as the likely answer. */
export async function reporterCouncil(db: Db, actor: Actor) {
  if (!actor.userId) return null;
  const [child] = await db.select({ authorityId: children.homeAuthorityId }).from(children).where(eq(children.parentUserId, actor.userId)).limit(1);
  return child?.authorityId ?? null;
}
