import { and, eq, gte, isNotNull, lt } from "drizzle-orm";
import { bopaApplications } from "#db/schema/bopa";
import { chaperoneApplications } from "#db/schema/chaperones";
import { employmentPermits } from "#db/schema/employment";
import { performanceApplications } from "#db/schema/licences";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "~/server/db.server";
import { londonDate } from "../calendar/dates";
import type { ApplicationKind } from "./labels";

export type ReceivedRow = { submittedOn: string; late: boolean };

/**
 * Applications a council received in the period (sent to it: `submittedAt` within the period's London days), with
 * their late flag: licences and permits of the deciding council, BOPA of the host council, chaperone applications
 * of the chaperone's home council. Chaperone applications have no deadline, so are never late.
 */
export async function loadReceived(db: Db, authorityId: string, bounds: { start: Date; end: Date }): Promise<Record<ApplicationKind, ReceivedRow[]>> {
  const rows = (list: { submittedAt: Date | null; late: boolean }[]) => list.map((r) => ({ submittedOn: londonDate(r.submittedAt!), late: r.late }));

  // sent in the period: `submittedAt` within its London days
  const inPeriod = (submittedAt: AnyPgColumn) => and(isNotNull(submittedAt), gte(submittedAt, bounds.start), lt(submittedAt, bounds.end));
  const [licences, permits, bopa, chaperones] = await Promise.all([
    db
      .select({ submittedAt: performanceApplications.submittedAt, late: performanceApplications.late })
      .from(performanceApplications)
      .where(and(eq(performanceApplications.authorityId, authorityId), inPeriod(performanceApplications.submittedAt))),
    db
      .select({ submittedAt: employmentPermits.submittedAt, late: employmentPermits.late })
      .from(employmentPermits)
      .where(and(eq(employmentPermits.authorityId, authorityId), inPeriod(employmentPermits.submittedAt))),
    db
      .select({ submittedAt: bopaApplications.submittedAt, late: bopaApplications.late })
      .from(bopaApplications)
      .where(and(eq(bopaApplications.hostAuthorityId, authorityId), inPeriod(bopaApplications.submittedAt))),
    db
      .select({ submittedAt: chaperoneApplications.submittedAt })
      .from(chaperoneApplications)
      .where(and(eq(chaperoneApplications.authorityId, authorityId), inPeriod(chaperoneApplications.submittedAt))),
  ]);

  return {
    "performance-licence": rows(licences),
    "employment-permit": rows(permits),
    bopa: rows(bopa),
    chaperone: rows(chaperones.map((c) => ({ ...c, late: false }))),
  };
}
