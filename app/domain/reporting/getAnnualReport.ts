import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ageOn, londonDate } from "../calendar/dates";
import { OCCUPATION_LABELS, type Occupation } from "../employment/rules";
import { RuleError } from "../errors";
import { EXEMPTION_BASES } from "#db/schema/children";
import { OBJECTION_GROUNDS } from "#db/schema/licences";
import { ladoFigures, referralDueOn } from "../safeguarding/rules";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { loadDecisions } from "./decisions";
import { countBy, countByMonth, decisionFigures, finalOutcome, shareOf, tally } from "./figures";
import { APPLICATION_KINDS, LATE_KINDS, OBJECTION_KINDS } from "./labels";
import { isValidPeriod, MAX_PERIOD_YEARS, monthsOf, type Period, periodBounds } from "./period";
import { loadReceived } from "./received";
import { reportAuthority } from "./scope";
import { countBopaInForce, loadChaperoneFigures, loadExemptions, loadLadoReferrals, loadObjections, loadPermitDetails } from "./sections";

export type AnnualReportInput = { authorityId?: string | null } & Period;
export type AnnualReport = Awaited<ReturnType<typeof getAnnualReport>>;

const byKind = <T>(make: (kind: (typeof APPLICATION_KINDS)[number]) => T) =>
  Object.fromEntries(APPLICATION_KINDS.map((k) => [k, make(k)])) as Record<(typeof APPLICATION_KINDS)[number], T>;

/**
 * The annual report of one of the actor's councils (officers and admins, `report:read`) for any period of up to
 * MAX_PERIOD_YEARS: what was received, decided and how quickly, late applications, school objections, refusals,
 * exemptions, BOPA, chaperone approvals, employment permits and LADO referrals. Only counts and the refusal
 * reasons leave this function: no names, no references. What each figure counts: docs/decisions/025-reports.md.
 */
export async function getAnnualReport(db: Db, actor: Actor, input: AnnualReportInput, { now = new Date() }: { now?: Date } = {}) {
  const { authority, choices } = await reportAuthority(db, actor, input.authorityId);
  const period: Period = { from: input.from, to: input.to };
  if (!isValidPeriod(period)) throw RuleError.field("", `Choose a period of up to ${MAX_PERIOD_YEARS} years, ending on or after its start`);
  const today = londonDate(now);
  const bounds = periodBounds(period);
  const settings = await getAuthoritySettings(db, authority.id);
  const closures = settings.closureDays;

  const received = await loadReceived(db, authority.id, bounds);
  const months = monthsOf(period);
  const decisions = await loadDecisions(db, [authority.id], bounds);
  const objections = await loadObjections(db, authority.id, bounds);
  const exemptions = await loadExemptions(db, authority.id, bounds);
  const bopaInForce = await countBopaInForce(db, authority.id, period, bounds);
  const chaperones = await loadChaperoneFigures(db, authority.id, period, bounds);
  const grantedPermits = decisions["employment-permit"].filter((d) => d.outcome === "granted").map((d) => d.id);
  const permits = await loadPermitDetails(db, authority.id, grantedPermits);
  const referrals = await loadLadoReferrals(db, authority.id, period);

  const refusedOf = (kind: (typeof APPLICATION_KINDS)[number]) => decisions[kind].filter((d) => d.outcome === "refused");
  const ages = permits.map((p) => (p.dateOfBirth && p.startDate ? ageOn(p.dateOfBirth, p.startDate) : null));
  const lado = ladoFigures(
    referrals.map((r) => ({ ...r, dueOn: referralDueOn(r.receivedOn, closures) })),
    today,
  );

  return {
    authority,
    choices,
    period,
    today,
    received: {
      months,
      byKind: byKind((k) => countByMonth(months, received[k].map((r) => r.submittedOn))),
      totals: byKind((k) => received[k].length),
    },
    licenceDecisions: {
      ...decisionFigures(decisions["performance-licence"], { workingDays: settings.licenceDecisionTargetWorkingDays, closures }),
      targetWorkingDays: settings.licenceDecisionTargetWorkingDays,
    },
    /** Decided and refused of each kind, with the median days to a decision. */
    decisions: byKind((k) => decisionFigures(decisions[k])),
    late: Object.fromEntries(LATE_KINDS.map((k) => [k, shareOf(received[k].filter((r) => r.late).length, received[k].length)])) as Record<
      (typeof LATE_KINDS)[number],
      ReturnType<typeof shareOf>
    >,
    objections: Object.fromEntries(
      OBJECTION_KINDS.map((k) => {
        const rows = objections[k];
        return [k, { objections: rows.length, ...countBy(["granted", "refused", "withdrawn", "open"], rows.map((r) => finalOutcome(r.status))), grounds: countBy(OBJECTION_GROUNDS, rows.flatMap((r) => r.grounds ?? [])) }];
      }),
    ) as Record<(typeof OBJECTION_KINDS)[number], { objections: number; granted: number; refused: number; withdrawn: number; open: number; grounds: Record<(typeof OBJECTION_GROUNDS)[number], number> }>,
    refusals: APPLICATION_KINDS.flatMap((kind) => tally(refusedOf(kind).map((d) => d.reason ?? "")).map((r) => ({ kind, reason: r.text, count: r.count }))),
    exemptions: Object.fromEntries(
      EXEMPTION_BASES.map((basis) => {
        const rows = exemptions.filter((e) => e.basis === basis);
        return [basis, { home: rows.filter((e) => e.homeAuthorityId === authority.id).length, host: rows.filter((e) => e.hostAuthorityId === authority.id).length }];
      }),
    ) as Record<(typeof EXEMPTION_BASES)[number], { home: number; host: number }>,
    bopa: {
      received: received.bopa.length,
      granted: decisions.bopa.filter((d) => d.outcome === "granted").length,
      refused: refusedOf("bopa").length,
      inForceAtEnd: bopaInForce,
    },
    chaperones,
    permits: {
      granted: permits.length,
      byOccupation: tally(permits.map((p) => (p.occupation ? (OCCUPATION_LABELS[p.occupation as Occupation] ?? p.occupation) : "Not known"))).map((t) => ({
        occupation: t.text,
        count: t.count,
      })),
      byAge: [...new Set(ages)]
        .sort((a, b) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY))
        .map((age) => ({ age, count: ages.filter((a) => a === age).length })),
    },
    lado: { received: referrals.length, ...lado },
  };
}
