import { and, asc, inArray } from "drizzle-orm";
import { chaperoneApplications } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { authorityScope } from "../identity/capabilities";
import { daysBetween, londonDate } from "../calendar/dates";
import { QUEUE_OVERDUE_AFTER_DAYS } from "./checks";
import { applicantName, OPEN_STATUSES } from "./officerScope";
import { APPLICATION_STATUS_LABELS } from "./states";

/**
 * The officer's queue: their authorities' applications awaiting a decision (submitted, checks in progress,
 * more information requested), oldest first, with each one's age in days and the count in each status.
 */
export async function listChaperoneQueue(db: Db, actor: Actor, today = londonDate()) {
  const scope = authorityScope(actor, "chaperone-application:decide");
  const rows = scope.length
    ? await db
        .select({
          id: chaperoneApplications.id,
          reference: chaperoneApplications.reference,
          firstName: chaperoneApplications.firstName,
          lastName: chaperoneApplications.lastName,
          status: chaperoneApplications.status,
          submittedAt: chaperoneApplications.submittedAt,
          renewal: chaperoneApplications.renewsDocumentId,
        })
        .from(chaperoneApplications)
        .where(and(inArray(chaperoneApplications.authorityId, scope), inArray(chaperoneApplications.status, [...OPEN_STATUSES])))
        .orderBy(asc(chaperoneApplications.submittedAt), asc(chaperoneApplications.reference))
        .limit(500)
    : [];
  const counts = Object.fromEntries(OPEN_STATUSES.map((s) => [s, 0])) as Record<(typeof OPEN_STATUSES)[number], number>;
  const applications = rows.map((row) => {
    counts[row.status as keyof typeof counts] += 1;
    const submittedOn = row.submittedAt ? londonDate(row.submittedAt) : today;
    const ageDays = Math.max(0, daysBetween(submittedOn, today));
    return {
      id: row.id,
      reference: row.reference ?? "No reference",
      name: applicantName(row),
      renewal: !!row.renewal,
      status: row.status,
      statusLabel: APPLICATION_STATUS_LABELS[row.status],
      submittedOn,
      ageDays,
      overdue: ageDays > QUEUE_OVERDUE_AFTER_DAYS,
    };
  });
  return {
    applications,
    counts: OPEN_STATUSES.map((status) => ({ status, label: APPLICATION_STATUS_LABELS[status], count: counts[status] })),
    overdueAfterDays: QUEUE_OVERDUE_AFTER_DAYS,
  };
}
