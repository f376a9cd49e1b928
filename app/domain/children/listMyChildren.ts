import { asc, eq } from "drizzle-orm";
import { schools } from "#db/schema/authorities";
import { children } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ageOn, londonDate } from "../calendar/dates";

/** The parent's own children, by first name, with their age today and school. */
export async function listMyChildren(db: Db, actor: Actor, now = new Date()) {
  if (!actor.userId) return [];
  const today = londonDate(now);
  const rows = await db
    .select({ id: children.id, firstName: children.firstName, lastName: children.lastName, dateOfBirth: children.dateOfBirth, schoolName: children.schoolName, listedSchool: schools.name })
    .from(children)
    .leftJoin(schools, eq(schools.id, children.schoolId))
    .where(eq(children.parentUserId, actor.userId))
    .orderBy(asc(children.firstName), asc(children.lastName));
  return rows.map((r) => ({
    id: r.id,
    name: `${r.firstName} ${r.lastName}`,
    firstName: r.firstName,
    age: ageOn(r.dateOfBirth, today),
    school: r.listedSchool ?? r.schoolName ?? "",
  }));
}
