import { and, asc, eq } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { performanceApplications } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { PARENT_PART_STATUS_LABELS, parentPartStatus } from "./parentSections";
import { isEditable, LICENCE_STATUS_COLOURS, LICENCE_STATUS_LABELS } from "./states";

/** Licence applications for the parent's own children (or one of them), by first performance date. */
export async function listParentApplications(db: Db, actor: Actor, { childId }: { childId?: string } = {}) {
  if (!actor.userId) return [];
  const rows = await db
    .select({
      application: performanceApplications,
      childName: children.firstName,
      childLastName: children.lastName,
      productionTitle: productions.title,
      firstDate: productions.firstDate,
      lastDate: productions.lastDate,
      organisationName: organisations.name,
    })
    .from(performanceApplications)
    .innerJoin(children, eq(children.id, performanceApplications.childId))
    .innerJoin(productions, eq(productions.id, performanceApplications.productionId))
    .innerJoin(organisations, eq(organisations.id, performanceApplications.organisationId))
    .where(and(eq(children.parentUserId, actor.userId), childId ? eq(children.id, childId) : undefined))
    .orderBy(asc(productions.firstDate), asc(children.firstName));
  return rows.map(({ application: a, ...r }) => {
    const partStatus = parentPartStatus(a);
    return {
      id: a.id,
      childId: a.childId,
      childName: `${r.childName} ${r.childLastName}`,
      productionTitle: r.productionTitle,
      organisationName: r.organisationName,
      firstDate: r.firstDate,
      lastDate: r.lastDate,
      reference: a.reference,
      status: a.status,
      statusLabel: LICENCE_STATUS_LABELS[a.status],
      statusColour: LICENCE_STATUS_COLOURS[a.status],
      editable: isEditable(a.status),
      partStatus,
      partStatusLabel: PARENT_PART_STATUS_LABELS[partStatus],
    };
  });
}
