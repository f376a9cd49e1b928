import { and, asc, eq } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { memberships, users } from "#db/schema/identity";
import { performanceApplications } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { applicationForParent } from "./access";
import { incompleteParentSections } from "./parentSections";
import { isEditable } from "./states";

/**
 * The parent confirms their part once every section is complete (checked again here: a photograph can age out).
 * Sets parentPartCompletedAt, audits it and emails the organisation's producers, in one transaction. Errors are
 * keyed by section slug so the check page can link to each one.
 */
export async function confirmParentPart(db: Db, actor: Actor, applicationId: string, baseUrl: string, now = new Date()) {
  const today = londonDate(now);
  return db.transaction(async (tx) => {
    const application = await applicationForParent(tx, actor, applicationId, { lock: true });
    if (!isEditable(application.status)) throw RuleError.field("", "This application has been sent to the council, so you cannot change it now");
    const missing = incompleteParentSections(application, today);
    if (Object.keys(missing).length) throw new RuleError(Object.fromEntries(Object.entries(missing).map(([slug, message]) => [slug, [message]])));
    if (application.parentPartCompletedAt) return { applicationId: application.id, childId: application.childId, outboxIds: [] };

    await tx.update(performanceApplications).set({ parentPartCompletedAt: now, updatedAt: now }).where(eq(performanceApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "performance-application.parent-part-completed",
      recordType: "performance-application",
      recordId: application.id,
      before: { parentPartCompletedAt: null },
      after: { parentPartCompletedAt: now.toISOString(), consentName: application.consentName },
    });

    const [details] = await tx
      .select({ firstName: children.firstName, lastName: children.lastName, productionTitle: productions.title, organisationName: organisations.name })
      .from(children)
      .innerJoin(productions, eq(productions.id, application.productionId))
      .innerJoin(organisations, eq(organisations.id, application.organisationId))
      .where(eq(children.id, application.childId));
    const producers = await tx
      .selectDistinct({ email: users.email, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, application.organisationId), eq(memberships.role, "producer")))
      .orderBy(asc(users.email));
    const producerPartComplete = !!application.producerPartCompletedAt;
    const outboxIds: string[] = [];
    for (const producer of producers) {
      outboxIds.push(
        await queueEmail(tx, producer.email, "licence-parent-part-complete", {
          name: producer.name,
          childName: `${details.firstName} ${details.lastName}`,
          productionTitle: details.productionTitle,
          organisationName: details.organisationName,
          producerPartComplete,
          url: `${baseUrl}/producer/applications/${application.id}${producerPartComplete ? "/submit" : ""}`,
        }),
      );
    }
    return { applicationId: application.id, childId: application.childId, outboxIds };
  });
}
