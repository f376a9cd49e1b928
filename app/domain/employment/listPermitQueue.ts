import { and, asc, count, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { children } from "#db/schema/children";
import { type EmploymentPermitStatus, employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { authorityScope } from "../identity/capabilities";
import { occupationText } from "./permitParties";
import { PERMIT_QUEUE_STATUSES, type PermitQueueView } from "./permitQueueViews";
import { PERMIT_STATUS_LABELS } from "./states";

/** The most rows a view shows. */
const SHOWN = 500;

/**
 * The officer's queue of employment permits for their authorities (where the work happens), one view at a time:
 * waiting for a decision (oldest submission first), granted, or otherwise decided (latest decision first).
 * Never drafts, never another council's. `counts` are for every view.
 */
export async function listPermitQueue(db: Db, actor: Actor, view: PermitQueueView = "waiting") {
  const scope = authorityScope(actor, "employment-permit:decide");
  const counts: Record<PermitQueueView, number> = { waiting: 0, granted: 0, decided: 0 };
  if (!scope.length) return { view, rows: [], counts };

  const inView = (v: PermitQueueView) => inArray(employmentPermits.status, [...PERMIT_QUEUE_STATUSES[v]]);
  const order: SQL[] =
    view === "waiting"
      ? [asc(employmentPermits.submittedAt), asc(employmentPermits.reference)]
      : [desc(employmentPermits.decidedAt), desc(employmentPermits.endedAt), asc(employmentPermits.reference)];
  const countWhen = (v: PermitQueueView) => count(sql`case when ${inView(v)} then 1 end`);
  // a permit withdrawn before it was submitted never reached the council
  const inScope = and(inArray(employmentPermits.authorityId, scope), isNotNull(employmentPermits.submittedAt));

  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: employmentPermits.id,
        reference: employmentPermits.reference,
        status: employmentPermits.status,
        late: employmentPermits.late,
        firstName: children.firstName,
        lastName: children.lastName,
        businessName: employmentPermits.businessName,
        occupation: employmentPermits.occupation,
        jobDescription: employmentPermits.jobDescription,
        startDate: employmentPermits.startDate,
        submittedAt: employmentPermits.submittedAt,
        decidedAt: employmentPermits.decidedAt,
        endsOn: employmentPermits.endsOn,
      })
      .from(employmentPermits)
      .leftJoin(children, eq(children.id, employmentPermits.childId))
      .where(and(inScope, inView(view)))
      .orderBy(...order)
      .limit(SHOWN),
    db
      .select({ waiting: countWhen("waiting"), granted: countWhen("granted"), decided: countWhen("decided") })
      .from(employmentPermits)
      .where(inScope),
  ]);
  return {
    view,
    counts: { ...counts, ...totals },
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference ?? "No reference",
      childName: r.firstName ? `${r.firstName} ${r.lastName}` : "Not known",
      employer: r.businessName ?? "Not known",
      job: occupationText(r.occupation),
      jobDescription: r.jobDescription,
      startDate: r.startDate,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      endsOn: r.endsOn,
      late: r.late,
      status: r.status as EmploymentPermitStatus,
      statusLabel: PERMIT_STATUS_LABELS[r.status],
    })),
  };
}

export type PermitQueue = Awaited<ReturnType<typeof listPermitQueue>>;
