import { holdsOn } from "../safeguarding/holds";
import { and, asc, count, desc, eq, inArray, lte, ne, not, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { organisations } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { users } from "#db/schema/identity";
import { performanceApplications, schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { addDays, londonDate } from "../calendar/dates";
import { CLOCK_RULES } from "../clocks/rules";
import { authorityScope } from "../identity/capabilities";
import type { QueueFilter } from "./officerQueueFilters";
import { LICENCE_STATUS_LABELS } from "./states";

const OPEN = ["submitted", "awaiting-school", "under-review", "information-requested"] as const;

/** The most rows each table shows: the soonest waiting, the latest decided (the filters find the rest). */
const SHOWN = { waiting: 200, decided: 50 };

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

  // uncorrelated, so the database hashes each list of applications once rather than probing per row
  const objected = sql<boolean>`${performanceApplications.id} in (select oc.application_id from ${schoolConsultations} oc where oc.response = 'object' and oc.application_id is not null)`;
  const assigned = alias(users, "assigned");

  const today = londonDate(now);
  const open = inArray(performanceApplications.status, [...OPEN]);
  const condition: Record<QueueFilter, SQL> = {
    soon: and(open, lte(performanceApplications.firstScheduleDate, addDays(today, CLOCK_RULES["first-performance"].listFromDays))) as SQL,
    "school-overdue": and(
      open,
      sql`${performanceApplications.id} in (select sc.application_id from ${schoolConsultations} sc where sc.response is null and sc.due_on < ${today} and sc.application_id is not null)`,
    ) as SQL,
    late: eq(performanceApplications.late, true),
    objection: objected,
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
    firstDate: performanceApplications.firstScheduleDate,
    objection: objected,
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
      .leftJoin(assigned, eq(assigned.id, performanceApplications.assignedOfficerUserId))
      .where(and(inQueue, status, ...filters.map((f) => condition[f])));
  const [waiting, decided, [totals]] = await Promise.all([
    rows(open)
      .orderBy(sql`${performanceApplications.firstScheduleDate} asc nulls last`, asc(performanceApplications.reference))
      .limit(SHOWN.waiting),
    rows(not(open))
      // newest first performance first (nulls first: the index read backwards; a decided application has days)
      .orderBy(desc(performanceApplications.firstScheduleDate), asc(performanceApplications.reference))
      .limit(SHOWN.decided),
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
