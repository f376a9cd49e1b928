import { and, eq, inArray } from "drizzle-orm";
import { children } from "#db/schema/children";
import { performanceApplications } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { isUuid } from "../children/access";
import { NotFoundError } from "../errors";
import { authorityScope, organisationScope } from "../identity/capabilities";

type Options = { lock?: boolean };

async function one(db: Db, applicationId: string, where: ReturnType<typeof and>, options: Options) {
  if (!isUuid(applicationId)) throw new NotFoundError("Application");
  const query = db
    .select({ application: performanceApplications })
    .from(performanceApplications)
    .innerJoin(children, eq(children.id, performanceApplications.childId))
    .where(and(eq(performanceApplications.id, applicationId), where));
  const [row] = options.lock ? await query.for("update", { of: performanceApplications }) : await query;
  if (!row) throw new NotFoundError("Application");
  return row.application;
}

/** An application of one of the actor's organisations (producer side); anything else is "not found". */
export function applicationForProducer(db: Db, actor: Actor, applicationId: string, options: Options = {}) {
  const scope = organisationScope(actor, "producer:use");
  if (!scope.length) throw new NotFoundError("Application");
  return one(db, applicationId, and(inArray(performanceApplications.organisationId, scope)), options);
}

/** An application for one of the actor's own children (parent side). */
export function applicationForParent(db: Db, actor: Actor, applicationId: string, options: Options = {}) {
  if (!actor.userId) throw new NotFoundError("Application");
  return one(db, applicationId, and(eq(children.parentUserId, actor.userId)), options);
}

/** An application routed to one of the actor's authorities (officer side). */
export function applicationForOfficer(db: Db, actor: Actor, applicationId: string, options: Options = {}) {
  const scope = authorityScope(actor, "performance-application:decide");
  if (!scope.length) throw new NotFoundError("Application");
  return one(db, applicationId, and(inArray(performanceApplications.authorityId, scope)), options);
}
