import { and, eq, gte, isNotNull, lt } from "drizzle-orm";
import { bopaApplications } from "#db/schema/bopa";
import { chaperoneApplications } from "#db/schema/chaperones";
import { employmentPermits } from "#db/schema/employment";
import { performanceApplications } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import { londonDate } from "../documents/states";
import type { ApplicationKind } from "./labels";

export type ReceivedRow = { submittedOn: string; late: boolean };

/**
 * Applications a council received in the period (sent to it: `submittedAt` within the period's London days), with
 * their late flag: licences and permits of the deciding council, BOPA of the host council, chaperone applications
 * of the chaperone's home council. Chaperone applications have no deadline, so are never late.
 */
export async function loadReceived(db: Db, authorityId: string, bounds: { start: Date; end: Date }): Promise<Record<ApplicationKind, ReceivedRow[]>> {
  const rows = (list: { submittedAt: Date | null; late: boolean }[]) => list.map((r) => ({ submittedOn: londonDate(r.submittedAt!), late: r.late }));

  const licences = await db
    .select({ submittedAt: performanceApplications.submittedAt, late: performanceApplications.late })
    .from(performanceApplications)
    .where(
      and(
        eq(performanceApplications.authorityId, authorityId),
        isNotNull(performanceApplications.submittedAt),
        gte(performanceApplications.submittedAt, bounds.start),
        lt(performanceApplications.submittedAt, bounds.end),
      ),
    );
  const permits = await db
    .select({ submittedAt: employmentPermits.submittedAt, late: employmentPermits.late })
    .from(employmentPermits)
    .where(
      and(
        eq(employmentPermits.authorityId, authorityId),
        isNotNull(employmentPermits.submittedAt),
        gte(employmentPermits.submittedAt, bounds.start),
        lt(employmentPermits.submittedAt, bounds.end),
      ),
    );
  const bopa = await db
    .select({ submittedAt: bopaApplications.submittedAt, late: bopaApplications.late })
    .from(bopaApplications)
    .where(and(eq(bopaApplications.hostAuthorityId, authorityId), gte(bopaApplications.submittedAt, bounds.start), lt(bopaApplications.submittedAt, bounds.end)));
  const chaperones = await db
    .select({ submittedAt: chaperoneApplications.submittedAt })
    .from(chaperoneApplications)
    .where(
      and(
        eq(chaperoneApplications.authorityId, authorityId),
        isNotNull(chaperoneApplications.submittedAt),
        gte(chaperoneApplications.submittedAt, bounds.start),
        lt(chaperoneApplications.submittedAt, bounds.end),
      ),
    );

  return {
    "performance-licence": rows(licences),
    "employment-permit": rows(permits),
    bopa: rows(bopa),
    chaperone: rows(chaperones.map((c) => ({ ...c, late: false }))),
  };
}
