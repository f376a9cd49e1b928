import { eq, inArray } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { productions } from "#db/schema/children";
import { users } from "#db/schema/identity";
import { performanceApplications } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { listCast } from "../children/access";
import { queueEmail } from "../notifications/queueEmail";
import { loadOwnProduction } from "../productions/access";
import { APPLICATION_RECORD } from "./producerRules";

/**
 * One production fans out to one draft application per cast child, each routed to the child's home authority
 * (which decides it), and each parent is asked to fill in their part. Children who already have an application
 * are left alone, so it can be run again as children join the cast.
 *
 * Safe to repeat (decision 028): the production's row is locked, so two starts at once (a double-click, a retry, on
 * any app process) run one after the other and the second finds every child's application made; the unique index on
 * (production, child) backs it. One draft, one audit row and one email to the parent per child.
 */
export async function startLicenceApplications(db: Db, actor: Actor, productionId: string, baseUrl: string) {
  const production = await loadOwnProduction(db, actor, productionId);
  return db.transaction(async (tx) => {
    // "No key update": the cast's and applications' foreign keys to the production still take their key-share locks.
    await tx.select({ id: productions.id }).from(productions).where(eq(productions.id, production.id)).for("no key update");
    const cast = await listCast(tx, production.id);
    const existing = await tx
      .select({ childId: performanceApplications.childId })
      .from(performanceApplications)
      .where(eq(performanceApplications.productionId, production.id));
    const waiting = cast.filter((c) => !existing.some((a) => a.childId === c.id));
    if (!waiting.length) return { created: [], outboxIds: [] };
    const [[organisation], councils, parents] = await Promise.all([
      tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, production.organisationId)),
      tx
        .select({ id: authorities.id, name: authorities.name })
        .from(authorities)
        .where(
          inArray(
            authorities.id,
            waiting.map((c) => c.homeAuthorityId),
          ),
        ),
      tx
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(
          inArray(
            users.id,
            waiting.map((c) => c.parentUserId),
          ),
        ),
    ]);
    const created: { id: string; childId: string; authorityId: string }[] = [];
    const outboxIds: string[] = [];
    for (const child of waiting) {
      const [application] = await tx
        .insert(performanceApplications)
        .values({ productionId: production.id, organisationId: production.organisationId, childId: child.id, shareId: child.shareId, authorityId: child.homeAuthorityId })
        .onConflictDoNothing()
        .returning({ id: performanceApplications.id, childId: performanceApplications.childId, authorityId: performanceApplications.authorityId });
      if (!application) continue;
      await recordAudit(tx, actor, {
        action: "licence.started",
        recordType: APPLICATION_RECORD,
        recordId: application.id,
        after: { status: "draft", productionId: production.id, childId: child.id, authorityId: child.homeAuthorityId },
      });
      created.push(application);
      const parent = parents.find((p) => p.id === child.parentUserId);
      if (!parent) continue;
      outboxIds.push(
        await queueEmail(tx, parent.email, "licence-producer-started", {
          name: parent.name,
          childFirstName: child.firstName,
          organisationName: organisation.name,
          productionTitle: production.title,
          authorityName: councils.find((c) => c.id === child.homeAuthorityId)?.name ?? "your council",
          url: `${baseUrl}/children/${child.id}`,
        }),
      );
    }
    return { created, outboxIds };
  });
}
