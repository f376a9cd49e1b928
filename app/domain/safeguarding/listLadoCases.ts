import { and, asc, eq, gte, inArray, isNull } from "drizzle-orm";
import { concerns, ladoReferrals } from "#db/schema/safeguarding";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { addMonths, londonDate } from "../calendar/dates";
import { authorityScope } from "../identity/capabilities";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { ladoScope } from "./access";
import { ladoFigures, referralClock, referralDueOn } from "./rules";

async function closuresFor(db: Db, authorityIds: string[]) {
  const entries = await Promise.all(authorityIds.map(async (id) => [id, (await getAuthoritySettings(db, id)).closureDays] as const));
  return new Map(entries);
}

/**
 * The LADO's desk: new concerns and open referrals with their clocks (most urgent first), and over the last 12
 * months the share referred within 1 working day and resolved within 1 and 3 months.
 */
export async function listLadoCases(db: Db, actor: Actor, { now = new Date() }: { now?: Date } = {}) {
  const scope = ladoScope(actor);
  if (!scope.length) return null;
  const today = londonDate(now);
  const closures = await closuresFor(db, scope);
  const closed = (authorityId: string) => closures.get(authorityId) ?? [];
  const [fresh, open, year] = await Promise.all([
    db
      .select({ reference: concerns.reference, authorityId: concerns.authorityId, receivedAt: concerns.receivedAt, receivedOn: concerns.receivedOn, subjectRole: concerns.subjectRole })
      .from(concerns)
      .where(and(inArray(concerns.authorityId, scope), eq(concerns.status, "new")))
      .orderBy(asc(concerns.receivedAt)),
    db
      .select({
        reference: concerns.reference,
        authorityId: concerns.authorityId,
        receivedOn: concerns.receivedOn,
        subjectName: concerns.subjectName,
        subjectRole: concerns.subjectRole,
        referredOn: ladoReferrals.referredOn,
        caseReference: ladoReferrals.caseReference,
      })
      .from(ladoReferrals)
      .innerJoin(concerns, eq(concerns.id, ladoReferrals.concernId))
      .where(and(inArray(ladoReferrals.authorityId, scope), isNull(ladoReferrals.outcome)))
      .orderBy(asc(concerns.receivedOn)),
    db
      .select({ authorityId: concerns.authorityId, receivedOn: concerns.receivedOn, referredOn: ladoReferrals.referredOn, resolvedOn: ladoReferrals.outcomeOn })
      .from(ladoReferrals)
      .innerJoin(concerns, eq(concerns.id, ladoReferrals.concernId))
      .where(and(inArray(ladoReferrals.authorityId, scope), gte(concerns.receivedOn, addMonths(today, -12)))),
  ]);
  return {
    newConcerns: fresh.map((c) => ({ ...c, clock: referralClock(c.receivedOn, today, null, closed(c.authorityId)) })),
    openReferrals: open.map((r) => {
      const oneMonth = addMonths(r.receivedOn, 1);
      const threeMonths = addMonths(r.receivedOn, 3);
      return { ...r, clock: referralClock(r.receivedOn, today, r.referredOn, closed(r.authorityId)), oneMonth, threeMonths, stage: today > threeMonths ? "over-3-months" : today > oneMonth ? "over-1-month" : "within-1-month" };
    }),
    figures: ladoFigures(
      year.map((r) => ({ ...r, dueOn: referralDueOn(r.receivedOn, closed(r.authorityId)) })),
      today,
    ),
  };
}

/** Officers see that new concerns are waiting for their LADO, and the clock: never what they say. */
export async function listNewConcernsForOfficer(db: Db, actor: Actor, { now = new Date() }: { now?: Date } = {}) {
  const scope = authorityScope(actor, "officer:use");
  if (!scope.length) return [];
  const today = londonDate(now);
  const closures = await closuresFor(db, scope);
  const rows = await db
    .select({ reference: concerns.reference, authorityId: concerns.authorityId, receivedAt: concerns.receivedAt, receivedOn: concerns.receivedOn })
    .from(concerns)
    .where(and(inArray(concerns.authorityId, scope), eq(concerns.status, "new")))
    .orderBy(asc(concerns.receivedAt));
  return rows.map((c) => ({ reference: c.reference, receivedAt: c.receivedAt, clock: referralClock(c.receivedOn, today, null, closures.get(c.authorityId) ?? []) }));
}
