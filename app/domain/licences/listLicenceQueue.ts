import { holdsOn } from "../safeguarding/holds";
import { and, asc, count, eq, inArray, lte, min, ne, not, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { organisations } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { users } from "#db/schema/identity";
import { performanceApplications, scheduleDays, schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { addDays } from "../calendar/dates";
import { CLOCK_RULES } from "../clocks/rules";
import { londonDate } from "../documents/states";
import { authorityScope } from "../identity/capabilities";
import type { QueueFilter } from "./officerQueueFilters";
import { LICENCE_STATUS_LABELS } from "./states";

const OPEN = ["submitted", "awaiting-school", "under-review", "information-requested"] as const;

/** The most rows each table shows. */
const SHOWN = 500;

/**
 * The officer's queue of performance licence applications for their authorities (submitted or later, never
 * drafts) by first performance: those waiting for a decision soonest first, then those decided latest first. Each has its
 * flags (late, school objection, more information needed) and assigned officer. `filters` narrow both lists
 * (all must hold); `counts` are over every application in the queue, whatever the filters.
 */
export async function listLicenceQueue(db: Db, actor: Actor, filters: QueueFilter[] = [], { now = new Date() }: { now?: Date } = {}) {
  const scope = authorityScope(actor, "performance-application:decide");
  const counts = { all: 0, soon: 0, "school-overdue": 0, late: 0, objection: 0, information: 0, mine: 0 } satisfies Record<QueueFilter | "all", number>;
  if (!scope.length || !actor.userId) return { waiting: [], decided: [], counts, filters };

  const firstDays = db
    .select({ applicationId: scheduleDays.applicationId, firstDate: min(scheduleDays.date).as("first_schedule_date") })
    .from(scheduleDays)
    .groupBy(scheduleDays.applicationId)
    .as("first_days");
  const objections = db
    .selectDistinct({ applicationId: schoolConsultations.applicationId })
    .from(schoolConsultations)
    .where(eq(schoolConsultations.response, "object"))
    .as("objections");
  const assigned = alias(users, "assigned");

  const today = londonDate(now);
  const open = inArray(performanceApplications.status, [...OPEN]);
  const condition: Record<QueueFilter, SQL> = {
    soon: and(open, lte(firstDays.firstDate, addDays(today, CLOCK_RULES["first-performance"].listFromDays))) as SQL,
    "school-overdue": and(
      open,
      sql`exists (select 1 from ${schoolConsultations} sc where sc.application_id = ${performanceApplications.id} and sc.response is null and sc.due_on < ${today})`,
    ) as SQL,
    late: eq(performanceApplications.late, true),
    objection: sql`${objections.applicationId} is not null`,
    information: eq(performanceApplications.status, "information-requested"),
    mine: eq(performanceApplications.assignedOfficerUserId, actor.userId),
  };
  const inQueue = and(inArray(performanceApplications.authorityId, scope), ne(performanceApplications.status, "draft"));
  const columns = {
    id: performanceApplications.id,
    reference: performanceApplications.reference,
    status: performanceApplications.status,
    late: performanceApplications.late,
    firstName: children.firstName,
    lastName: children.lastName,
    productionTitle: productions.title,
    organisationName: organisations.name,
    firstDate: firstDays.firstDate,
    objection: sql<boolean>`${objections.applicationId} is not null`,
    assignedOfficerUserId: performanceApplications.assignedOfficerUserId,
    assignedTo: assigned.name,
  };
  const rows = (status: SQL) =>
    db
      .select(columns)
      .from(performanceApplications)
      .innerJoin(children, eq(children.id, performanceApplications.childId))
      .innerJoin(productions, eq(productions.id, performanceApplications.productionId))
      .innerJoin(organisations, eq(organisations.id, performanceApplications.organisationId))
      .leftJoin(firstDays, eq(firstDays.applicationId, performanceApplications.id))
      .leftJoin(objections, eq(objections.applicationId, performanceApplications.id))
      .leftJoin(assigned, eq(assigned.id, performanceApplications.assignedOfficerUserId))
      .where(and(inQueue, status, ...filters.map((f) => condition[f])));
  const [waiting, decided, [totals]] = await Promise.all([
    rows(open)
      .orderBy(sql`${firstDays.firstDate} asc nulls last`, asc(performanceApplications.reference))
      .limit(SHOWN),
    rows(not(open))
      .orderBy(sql`${firstDays.firstDate} desc nulls last`, asc(performanceApplications.reference))
      .limit(SHOWN),
    db
      .select({
        all: count(),
        soon: count(sql`case when ${condition.soon} then 1 end`),
        "school-overdue": count(sql`case when ${condition["school-overdue"]} then 1 end`),
        late: count(sql`case when ${condition.late} then 1 end`),
        objection: count(sql`case when ${condition.objection} then 1 end`),
        information: count(sql`case when ${condition.information} then 1 end`),
        mine: count(sql`case when ${condition.mine} then 1 end`),
      })
      .from(performanceApplications)
      .leftJoin(objections, eq(objections.applicationId, performanceApplications.id))
      .leftJoin(firstDays, eq(firstDays.applicationId, performanceApplications.id))
      .where(inQueue),
  ]);
  const holds = await holdsOn(db, [...waiting, ...decided].map((r) => r.id));
  const view = (r: (typeof waiting)[number]) => ({
    id: r.id,
    reference: r.reference ?? "No reference",
    childName: `${r.firstName} ${r.lastName}`,
    productionTitle: r.productionTitle,
    organisationName: r.organisationName,
    firstDate: r.firstDate,
    status: r.status,
    statusLabel: LICENCE_STATUS_LABELS[r.status],
    flags: { late: r.late, objection: r.objection, information: r.status === "information-requested", onHold: holds.has(r.id) },
    assignedTo: r.assignedTo,
    assignedToMe: r.assignedOfficerUserId === actor.userId,
  });
  return { waiting: waiting.map(view), decided: decided.map(view), counts: { ...counts, ...totals }, filters };
}

export type LicenceQueue = Awaited<ReturnType<typeof listLicenceQueue>>;
