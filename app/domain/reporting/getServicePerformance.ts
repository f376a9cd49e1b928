import { asc } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { londonDate } from "../calendar/dates";
import { type DecidedRow, loadDecisions } from "./decisions";
import { decisionFigures, type Share } from "./figures";
import { APPLICATION_KINDS, type ApplicationKind } from "./labels";
import { lastTwelveMonths, periodBounds } from "./period";

export type ServicePerformance = Awaited<ReturnType<typeof getServicePerformance>>;
export type KindPerformance = { kind: ApplicationKind; decided: number; medianDays: number | null; beforeFirstPerformance: Share | null };

/**
 * The public service performance page: for every council, over the 12 months to today, how many of each kind of
 * application it decided, the median days to a decision and (performance licences) the share decided before the
 * first performance. Anyone may read it, so it returns counts only: nothing about any child, person or case.
 */
export async function getServicePerformance(db: Db, _actor: Actor, _input: Record<string, never> = {}, { now = new Date() }: { now?: Date } = {}) {
  const period = lastTwelveMonths(londonDate(now));
  const councils = await db.select({ id: authorities.id, name: authorities.name }).from(authorities).orderBy(asc(authorities.name));
  const decisions = await loadDecisions(db, null, periodBounds(period));
  const byCouncil = new Map<string, DecidedRow[]>();
  for (const kind of APPLICATION_KINDS) {
    for (const d of decisions[kind]) {
      const key = `${d.authorityId} ${kind}`;
      const list = byCouncil.get(key);
      if (list) list.push(d);
      else byCouncil.set(key, [d]);
    }
  }
  return {
    period,
    councils: councils.map((council) => ({
      name: council.name,
      kinds: APPLICATION_KINDS.map((kind): KindPerformance => {
        const figures = decisionFigures(byCouncil.get(`${council.id} ${kind}`) ?? []);
        return {
          kind,
          decided: figures.decided,
          medianDays: figures.medianDays,
          beforeFirstPerformance: kind === "performance-licence" ? figures.beforeFirstPerformance : null,
        };
      }),
    })),
  };
}
