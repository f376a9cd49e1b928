import { and, asc, desc, eq } from "drizzle-orm";
import { type ChaperoneApplicationStatus, chaperoneApplications, chaperoneReferees } from "#db/schema/chaperones";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { can } from "../identity/capabilities";
import type { Answers } from "./sections";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Not yet decided or withdrawn: an applicant has at most one of these at a time. */
export const OPEN_STATUSES: ChaperoneApplicationStatus[] = ["draft", "submitted", "checks-in-progress", "information-requested"];

export type ChaperoneApplication = typeof chaperoneApplications.$inferSelect;

/** The actor is a chaperone (applicants hold `chaperone:use`; their scope is themselves). */
export function assertApplicant(actor: Actor): asserts actor is Actor & { userId: string } {
  if (!actor.userId || !can(actor, "chaperone:use")) throw new ForbiddenError();
}

/**
 * The applicant's own application — the only way applicant verbs load one. With an id, that application if it is
 * theirs (anyone else's, or a malformed id, is "not found"); without, their open application, else their latest.
 * `lock` takes a row lock inside the caller's transaction.
 */
export async function ownApplication(db: Db, actor: Actor & { userId: string }, { applicationId, lock = false }: { applicationId?: string; lock?: boolean } = {}) {
  if (applicationId !== undefined && !UUID.test(applicationId)) throw new NotFoundError("Application");
  const mine = eq(chaperoneApplications.applicantUserId, actor.userId);
  const query = db
    .select()
    .from(chaperoneApplications)
    .where(applicationId ? and(mine, eq(chaperoneApplications.id, applicationId)) : mine)
    .orderBy(desc(chaperoneApplications.createdAt));
  const rows = lock ? await query.for("update") : await query;
  const row = rows.find((r) => OPEN_STATUSES.includes(r.status)) ?? rows[0];
  if (!row) throw new NotFoundError("Application");
  return row;
}

export async function refereesOf(db: Db, applicationId: string) {
  return db.select().from(chaperoneReferees).where(eq(chaperoneReferees.applicationId, applicationId)).orderBy(asc(chaperoneReferees.position));
}

export async function applicantOf(db: Db, application: ChaperoneApplication) {
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, application.applicantUserId));
  return user;
}

/** What the section statuses are worked out from. */
export function answersOf(application: ChaperoneApplication, referees: { name: string; email: string }[], applicantEmail: string): Answers {
  return { ...application, referees, applicantEmail };
}
