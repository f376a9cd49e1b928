import { and, asc, desc, eq, sql } from "drizzle-orm";
import { auditEvents } from "#db/schema/audit";
import { authorities, organisations } from "#db/schema/authorities";
import { issuedDocuments } from "#db/schema/documents";
import { users } from "#db/schema/identity";
import { ladoCaseMembers, ladoHolds, safeguardingDeliveries } from "#db/schema/safeguarding";
import type { Db } from "~/server/db.server";
import { safeguardingEndpoint } from "~/server/env.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { CONCERN_RECORD, findCase } from "./access";
import { holdReferences } from "./holds";
import { referralClock, resolvedWithin } from "./rules";

/** A referral id no row has: the queries below then find nothing for a concern that is not referred. */
const NONE = "00000000-0000-0000-0000-000000000000";

/**
 * One concern and its referral for the LADO (or someone they added). Opening it is logged, and the page lists
 * everyone who has looked.
 */
export async function getCase(db: Db, actor: Actor, reference: string, { now = new Date() }: { now?: Date } = {}) {
  const { concern, referral, isLado } = await db.transaction(async (tx) => {
    const found = await findCase(tx, actor, reference);
    await recordAudit(tx, actor, { action: "concern.viewed", recordType: CONCERN_RECORD, recordId: found.concern.id });
    return found;
  });
  const today = londonDate(now);
  const [settings, [authority], [licence], events, holds, deliveries, members, orgs] = await Promise.all([
    getAuthoritySettings(db, concern.authorityId),
    db.select({ code: authorities.code, name: authorities.name }).from(authorities).where(eq(authorities.id, concern.authorityId)),
    concern.subjectDocumentId
      ? db
          .select({ reference: issuedDocuments.reference, status: issuedDocuments.status })
          .from(issuedDocuments)
          .where(eq(issuedDocuments.id, concern.subjectDocumentId))
      : [],
    db
      .select({ id: auditEvents.id, action: auditEvents.action, actorLabel: auditEvents.actorLabel, at: auditEvents.at, ip: auditEvents.ip, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, CONCERN_RECORD), eq(auditEvents.recordId, concern.id)))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(500),
    db
          .select({ id: ladoHolds.id, kind: ladoHolds.kind, recordId: ladoHolds.recordId, authority: authorities.name, placedAt: ladoHolds.placedAt, liftedAt: ladoHolds.liftedAt })
          .from(ladoHolds)
          .innerJoin(authorities, eq(authorities.id, ladoHolds.authorityId))
          .where(eq(ladoHolds.referralId, referral?.id ?? NONE)),
    db
          .select({
            id: safeguardingDeliveries.id,
            event: safeguardingDeliveries.event,
            status: safeguardingDeliveries.status,
            attempts: safeguardingDeliveries.attempts,
            lastError: safeguardingDeliveries.lastError,
            lastAttemptAt: safeguardingDeliveries.lastAttemptAt,
            deliveredAt: safeguardingDeliveries.deliveredAt,
            createdAt: safeguardingDeliveries.createdAt,
          })
          .from(safeguardingDeliveries)
          .where(eq(safeguardingDeliveries.referralId, referral?.id ?? NONE))
          .orderBy(desc(safeguardingDeliveries.createdAt)),
    db
          .select({ name: users.name, email: users.email, addedAt: ladoCaseMembers.addedAt })
          .from(ladoCaseMembers)
          .innerJoin(users, eq(users.id, ladoCaseMembers.userId))
          .where(eq(ladoCaseMembers.referralId, referral?.id ?? NONE))
          .orderBy(asc(ladoCaseMembers.addedAt)),
    // for "is it about an organisation's staff?" while the concern is new
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(concern.status === "new" ? undefined : sql`false`)
      .orderBy(asc(organisations.name))
      .limit(500),
  ]);
  const references = await holdReferences(db, holds);
  const resolvedOn = referral?.outcomeOn ?? null;
  let endpointError: string | null = null;
  let endpointConfigured = false;
  try {
    endpointConfigured = !!safeguardingEndpoint(authority.code);
  } catch (error) {
    endpointError = (error as Error).message;
  }
  return {
    isLado,
    authority: { name: authority.name, code: authority.code },
    concern,
    referral,
    licence: licence ?? null,
    clock: referralClock(concern.receivedOn, today, referral?.referredOn ?? (concern.status === "no-further-action" ? londonDate(concern.decidedAt ?? now) : null), settings.closureDays),
    resolution: resolvedOn
      ? { resolvedOn, withinOneMonth: resolvedWithin(concern.receivedOn, resolvedOn, 1), withinThreeMonths: resolvedWithin(concern.receivedOn, resolvedOn, 3) }
      : null,
    holds: holds.map((h) => ({ ...h, reference: references.get(h.recordId) ?? null })),
    deliveries,
    endpoint: { configured: endpointConfigured, error: endpointError },
    members,
    organisations: orgs,
    history: events.filter((e) => e.action !== "concern.viewed"),
    views: events.filter((e) => e.action === "concern.viewed").map((e) => ({ id: e.id, who: e.actorLabel, at: e.at })),
  };
}
