import { and, asc, count, eq, inArray } from "drizzle-orm";
import { schools } from "#db/schema/authorities";
import { scheduleDays, schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { londonDate } from "../calendar/dates";
import { ForbiddenError } from "../errors";
import { can } from "../identity/capabilities";
import { consultationClock } from "./consultationClock";
import { schoolScope } from "./getSchoolConsultation";
import { consultationSubject } from "./subject";

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
      .select({ consultation: schoolConsultations, schoolName: schools.name })
      .from(schoolConsultations)
      .innerJoin(schools, eq(schools.id, schoolConsultations.schoolId))
      .where(inArray(schoolConsultations.schoolId, scope)),
  ]);
  const applicationIds = rows.map((r) => r.consultation.applicationId).filter((id): id is string => !!id);
  const dayCounts = applicationIds.length
    ? await db
        .select({ applicationId: scheduleDays.applicationId, schoolDays: count() })
        .from(scheduleDays)
        .where(and(inArray(scheduleDays.applicationId, applicationIds), eq(scheduleDays.schoolDay, true)))
        .groupBy(scheduleDays.applicationId)
    : [];
  const missed = new Map(dayCounts.map((d) => [d.applicationId, d.schoolDays]));
  // A school's desk holds tens of consultations a year: one small lookup each.
  const subjects = await Promise.all(rows.map((r) => consultationSubject(db, r.consultation)));

  const items = rows.map(({ consultation: c, schoolName }, i) => {
    const subject = subjects[i];
    const answered = !!c.respondedAt;
    return {
      id: c.id,
      kind: subject.kind,
      reference: subject.reference,
      childName: subject.childName,
      /** The production, or the job and employer. */
      about: subject.kind === "permit" ? `Work permit: ${subject.title.toLowerCase()} (${subject.organisationName})` : subject.title,
      schoolName,
      schoolDaysMissed: c.applicationId ? (missed.get(c.applicationId) ?? 0) : null,
      dueOn: c.dueOn,
      clock: consultationClock(c.dueOn, today, c.respondedAt),
      state: answered ? ("answered" as const) : subject.open ? ("waiting" as const) : ("closed" as const),
      response: c.response,
      sortKey: (c.respondedAt ?? c.createdAt).toISOString(),
    };
  });
  const waiting = items.filter((i) => i.state === "waiting").sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const done = items.filter((i) => i.state !== "waiting").sort((a, b) => b.sortKey.localeCompare(a.sortKey));
  return { schools: schoolRows, waiting, done };
}
