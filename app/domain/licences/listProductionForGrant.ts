import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { performanceApplications, schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { isUuid } from "../children/access";
import { NotFoundError } from "../errors";
import { authorityScope } from "../identity/capabilities";
import { holdsOn } from "../safeguarding/holds";
import { LICENCE_STANDARD_CONDITIONS } from "./rules";
import { LICENCE_TRANSITIONS } from "./states";

/** Why an open application is left to its own page rather than granted with the others. */
export const DECIDE_ALONE = {
  objection: "The school objected: answer the objection on the application's page",
  nightWork: "Night work is asked for: permit it on the application's page",
  information: "More information has been asked for",
  hold: "On hold – contact the LADO",
} as const;

/**
 * One production's applications routed to the officer's councils that are waiting for a decision, for granting
 * together: each with whether it can be granted here, and if not, why it must be decided on its own page. A
 * production with no submitted application in the officer's councils is "not found".
 */
export async function listProductionForGrant(db: Db, actor: Actor, productionId: string) {
  const scope = authorityScope(actor, "performance-application:decide");
  if (!scope.length || !isUuid(productionId)) throw new NotFoundError("Production");
  const open = [...new Set([...LICENCE_TRANSITIONS.grant.from, ...LICENCE_TRANSITIONS.refuse.from])];
  const rows = await db
    .select({
      id: performanceApplications.id,
      reference: performanceApplications.reference,
      status: performanceApplications.status,
      firstName: children.firstName,
      lastName: children.lastName,
      firstDate: performanceApplications.firstScheduleDate,
      nightWork: sql<boolean>`${performanceApplications.nightWorkReasons} is not null`,
      objected: sql<boolean>`exists (select 1 from ${schoolConsultations} sc where sc.application_id = ${performanceApplications.id} and sc.response = 'object')`,
      productionTitle: productions.title,
      organisationName: organisations.name,
    })
    .from(performanceApplications)
    .innerJoin(children, eq(children.id, performanceApplications.childId))
    .innerJoin(productions, eq(productions.id, performanceApplications.productionId))
    .innerJoin(organisations, eq(organisations.id, performanceApplications.organisationId))
    .where(
      and(
        eq(performanceApplications.productionId, productionId),
        inArray(performanceApplications.authorityId, scope),
        ne(performanceApplications.status, "draft"),
      ),
    )
    .orderBy(asc(children.lastName), asc(children.firstName), asc(performanceApplications.reference));
  if (!rows.length) throw new NotFoundError("Production");
  const waiting = rows.filter((r) => open.includes(r.status));
  const holds = await holdsOn(db, waiting.map((r) => r.id));
  const grantable = new Set<string>(LICENCE_TRANSITIONS.grant.from);
  return {
    production: { id: productionId, title: rows[0].productionTitle, organisationName: rows[0].organisationName },
    standardConditions: LICENCE_STANDARD_CONDITIONS.map((c) => ({ id: c.id, text: c.text })),
    applications: waiting.map((r) => {
      const alone: string[] = [];
      if (r.objected) alone.push(DECIDE_ALONE.objection);
      if (r.nightWork) alone.push(DECIDE_ALONE.nightWork);
      if (!grantable.has(r.status)) alone.push(DECIDE_ALONE.information);
      if (holds.has(r.id)) alone.push(DECIDE_ALONE.hold);
      return { id: r.id, reference: r.reference ?? "No reference", childName: `${r.firstName} ${r.lastName}`, firstDate: r.firstDate, decideAlone: alone };
    }),
  };
}

export type ProductionForGrant = Awaited<ReturnType<typeof listProductionForGrant>>;
