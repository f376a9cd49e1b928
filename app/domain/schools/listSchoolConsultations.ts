import { and, asc, count, eq, inArray } from "drizzle-orm";
import { schools } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { performanceApplications, scheduleDays, schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { londonDate } from "../documents/states";
import { ForbiddenError } from "../errors";
import { can } from "../identity/capabilities";
import { consultationClock } from "./consultationClock";
import { CONSULTATION_OPEN_STATUSES } from "./consultationView";
import { schoolScope } from "./getSchoolConsultation";

/**
 * The school's desk: consultations sent to the actor's schools only. Those waiting for an answer come first,
 * soonest due first; then those answered (newest first) or no longer needed.
 */
export async function listSchoolConsultations(db: Db, actor: Actor, now = new Date()) {
  if (!can(actor, "school:use")) throw new ForbiddenError();
  const scope = schoolScope(actor);
  if (!scope.length) return { schools: [], waiting: [], done: [] };
  const today = londonDate(now);
  const [schoolRows, rows] = await Promise.all([
    db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, scope)).orderBy(asc(schools.name)),
    db
      .select({
        consultation: schoolConsultations,
        status: performanceApplications.status,
        reference: performanceApplications.reference,
        firstName: children.firstName,
        lastName: children.lastName,
        productionTitle: productions.title,
        schoolName: schools.name,
      })
      .from(schoolConsultations)
      .innerJoin(performanceApplications, eq(performanceApplications.id, schoolConsultations.applicationId))
      .innerJoin(children, eq(children.id, performanceApplications.childId))
      .innerJoin(productions, eq(productions.id, performanceApplications.productionId))
      .innerJoin(schools, eq(schools.id, schoolConsultations.schoolId))
      .where(inArray(schoolConsultations.schoolId, scope)),
  ]);
  const applicationIds = rows.map((r) => r.consultation.applicationId);
  const dayCounts = applicationIds.length
    ? await db
        .select({ applicationId: scheduleDays.applicationId, schoolDays: count() })
        .from(scheduleDays)
        .where(and(inArray(scheduleDays.applicationId, applicationIds), eq(scheduleDays.schoolDay, true)))
        .groupBy(scheduleDays.applicationId)
    : [];
  const missed = new Map(dayCounts.map((d) => [d.applicationId, d.schoolDays]));

  const items = rows.map(({ consultation: c, ...r }) => {
    const answered = !!c.respondedAt;
    return {
      id: c.id,
      reference: r.reference ?? "",
      childName: `${r.firstName} ${r.lastName}`,
      productionTitle: r.productionTitle,
      schoolName: r.schoolName,
      schoolDaysMissed: missed.get(c.applicationId) ?? 0,
      dueOn: c.dueOn,
      clock: consultationClock(c.dueOn, today, c.respondedAt),
      state: answered ? ("answered" as const) : CONSULTATION_OPEN_STATUSES.includes(r.status) ? ("waiting" as const) : ("closed" as const),
      response: c.response,
      sortKey: (c.respondedAt ?? c.createdAt).toISOString(),
    };
  });
  const waiting = items.filter((i) => i.state === "waiting").sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const done = items.filter((i) => i.state !== "waiting").sort((a, b) => b.sortKey.localeCompare(a.sortKey));
  return { schools: schoolRows, waiting, done };
}
