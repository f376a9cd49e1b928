import { and, getTableName, gte, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { auditEvents } from "#db/schema/audit";
import { bopaApplications } from "#db/schema/bopa";
import { chaperoneApplications } from "#db/schema/chaperones";
import { employmentPermits } from "#db/schema/employment";
import { performanceApplications } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import { londonDate } from "../calendar/dates";
import { PERMIT_RECORD } from "../employment/permitParty";
import { LICENCE_RECORD } from "../licences/officerScope";
import type { Decision } from "./figures";
import type { ApplicationKind } from "./labels";
import { inPeriod } from "./period";

/** The audit record type of a BOPA application (as grantBopaApplication writes it). */
export const BOPA_RECORD = "bopa-application";

export type DecidedRow = Decision & {
  id: string;
  authorityId: string;
  /** The refusal's reason, as written to the applicant (refusals only). */
  reason: string | null;
};

export type Decisions = Record<ApplicationKind, DecidedRow[]>;

/**
 * `"table"."id"` of the outer query, for the correlated subqueries below: drizzle leaves columns unqualified in a
 * one-table select, where a bare "id" would mean the subquery's own table.
 */
const outerId = (table: PgTable) => sql.raw(`"${getTableName(table)}"."id"`);

/**
 * When a revoked application was granted. Revoking overwrites decidedAt (and the reason) with the revocation, so the
 * grant is read back from the append-only audit trail (its index on record type, record and time serves this);
 * rows without one (imported data) fall back to decidedAt.
 */
export const grantedAt = (recordType: string, action: string, table: PgTable) =>
  sql<Date | null>`(select min(ae.at) from audit_events ae where ae.record_type = ${recordType} and ae.action = ${action} and ae.record_id = ${outerId(table)}::text)`.mapWith(
    auditEvents.at,
  );

/** The first day of a licence application's schedule (performance or rehearsal), YYYY-MM-DD. */
const firstScheduleDay = () => sql<string | null>`(select min(sd.date)::text from schedule_days sd where sd.application_id = ${outerId(performanceApplications)})`;

type Raw = { id: string; authorityId: string | null; status: string; submittedAt: Date | null; decidedAt: Date | null; grantedAt?: Date | null; firstDayOn?: string | null; reason: string | null };

/** Keeps the rows decided within the period (by the grant, for those revoked since), as London dates. */
function decidedIn(rows: Raw[], bounds: { start: Date; end: Date }): DecidedRow[] {
  const out: DecidedRow[] = [];
  for (const r of rows) {
    const at = r.status === "revoked" ? (r.grantedAt ?? r.decidedAt) : r.decidedAt;
    if (!at || !r.submittedAt || !r.authorityId || !inPeriod(at, bounds)) continue;
    const refused = r.status === "refused";
    out.push({
      id: r.id,
      authorityId: r.authorityId,
      submittedOn: londonDate(r.submittedAt),
      decidedOn: londonDate(at),
      outcome: refused ? "refused" : "granted",
      firstDayOn: r.firstDayOn ?? null,
      reason: refused ? r.reason : null,
    });
  }
  return out;
}

/**
 * Every application decided in the period (granted or refused; a licence, permit or approval revoked since counts
 * as granted, on the day it was granted; a permit that has ended was granted too), of the given councils (every
 * council when `authorityIds` is null). The decision's day comes from `decidedAt`, which is always at or after
 * the period's start for a decision in it, so that bound narrows the search before the exact London days are kept.
 */
export async function loadDecisions(db: Db, authorityIds: readonly string[] | null, bounds: { start: Date; end: Date }): Promise<Decisions> {
  const within = (authority: AnyPgColumn, statuses: SQL, decidedAt: AnyPgColumn, submittedAt: AnyPgColumn) =>
    and(authorityIds ? inArray(authority, [...authorityIds]) : undefined, statuses, gte(decidedAt, bounds.start), isNotNull(submittedAt));

  const licences = await db
    .select({
      id: performanceApplications.id,
      authorityId: performanceApplications.authorityId,
      status: performanceApplications.status,
      submittedAt: performanceApplications.submittedAt,
      decidedAt: performanceApplications.decidedAt,
      grantedAt: grantedAt(LICENCE_RECORD, "licence.granted", performanceApplications),
      firstDayOn: firstScheduleDay(),
      reason: performanceApplications.decisionReason,
    })
    .from(performanceApplications)
    .where(
      within(
        performanceApplications.authorityId,
        inArray(performanceApplications.status, ["granted", "refused", "revoked"]),
        performanceApplications.decidedAt,
        performanceApplications.submittedAt,
      ),
    );

  const permits = await db
    .select({
      id: employmentPermits.id,
      authorityId: employmentPermits.authorityId,
      status: employmentPermits.status,
      submittedAt: employmentPermits.submittedAt,
      decidedAt: employmentPermits.decidedAt,
      grantedAt: grantedAt(PERMIT_RECORD, "employment-permit.granted", employmentPermits),
      reason: employmentPermits.decisionReason,
    })
    .from(employmentPermits)
    .where(
      within(
        employmentPermits.authorityId,
        inArray(employmentPermits.status, ["granted", "refused", "revoked", "ended"]),
        employmentPermits.decidedAt,
        employmentPermits.submittedAt,
      ),
    );

  const bopa = await db
    .select({
      id: bopaApplications.id,
      authorityId: bopaApplications.hostAuthorityId,
      status: bopaApplications.status,
      submittedAt: bopaApplications.submittedAt,
      decidedAt: bopaApplications.decidedAt,
      grantedAt: grantedAt(BOPA_RECORD, "bopa.granted", bopaApplications),
      reason: bopaApplications.decisionReason,
    })
    .from(bopaApplications)
    .where(
      within(bopaApplications.hostAuthorityId, inArray(bopaApplications.status, ["granted", "refused", "revoked"]), bopaApplications.decidedAt, bopaApplications.submittedAt),
    );

  // A chaperone approval is suspended or revoked on the register, never on the application: its decidedAt stays.
  const chaperones = await db
    .select({
      id: chaperoneApplications.id,
      authorityId: chaperoneApplications.authorityId,
      status: chaperoneApplications.status,
      submittedAt: chaperoneApplications.submittedAt,
      decidedAt: chaperoneApplications.decidedAt,
      reason: chaperoneApplications.decisionReason,
    })
    .from(chaperoneApplications)
    .where(
      within(
        chaperoneApplications.authorityId,
        inArray(chaperoneApplications.status, ["granted", "refused"]),
        chaperoneApplications.decidedAt,
        chaperoneApplications.submittedAt,
      ),
    );

  return {
    "performance-licence": decidedIn(licences, bounds),
    "employment-permit": decidedIn(permits, bounds),
    bopa: decidedIn(bopa, bounds),
    chaperone: decidedIn(chaperones, bounds),
  };
}
