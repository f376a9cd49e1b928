import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { bopaApplications } from "#db/schema/bopa";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { londonDate } from "../calendar/dates";
import { authorityScope } from "../identity/capabilities";
import { BOPA_STATUS_LABELS } from "./states";

/** How many decided applications the queue shows below those waiting. */
const DECIDED_SHOWN = 100;

/**
 * The officer's BOPA queue for their authorities as host: applications waiting for a decision, oldest first
 * (late ones tagged), then the most recently decided.
 */
export async function listBopaQueue(db: Db, actor: Actor) {
  const scope = authorityScope(actor, "bopa:decide");
  if (!scope.length) return { waiting: [], decided: [] };
  const columns = {
    id: bopaApplications.id,
    reference: bopaApplications.reference,
    organisationName: organisations.name,
    hostName: authorities.name,
    performances: bopaApplications.performances,
    periodFrom: bopaApplications.periodFrom,
    periodTo: bopaApplications.periodTo,
    status: bopaApplications.status,
    late: bopaApplications.late,
    submittedAt: bopaApplications.submittedAt,
    decidedAt: bopaApplications.decidedAt,
  };
  const base = () =>
    db
      .select(columns)
      .from(bopaApplications)
      .innerJoin(organisations, eq(organisations.id, bopaApplications.organisationId))
      .innerJoin(authorities, eq(authorities.id, bopaApplications.hostAuthorityId));
  const inScope = inArray(bopaApplications.hostAuthorityId, scope);
  const [waiting, decided] = await Promise.all([
    base()
      .where(and(inScope, eq(bopaApplications.status, "submitted")))
      .orderBy(asc(bopaApplications.submittedAt), asc(bopaApplications.reference))
      .limit(500),
    base()
      .where(and(inScope, ne(bopaApplications.status, "submitted")))
      .orderBy(desc(bopaApplications.decidedAt), desc(bopaApplications.reference))
      .limit(DECIDED_SHOWN),
  ]);
  const view = ({ submittedAt, decidedAt, ...r }: (typeof waiting)[number]) => ({
    ...r,
    statusLabel: BOPA_STATUS_LABELS[r.status],
    submittedOn: londonDate(submittedAt),
    decidedOn: decidedAt ? londonDate(decidedAt) : null,
  });
  return { waiting: waiting.map(view), decided: decided.map(view) };
}
