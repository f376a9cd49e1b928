import { createHmac } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { issuedDocuments } from "#db/schema/documents";
import { concerns, ladoHolds, ladoReferrals, safeguardingDeliveries } from "#db/schema/safeguarding";
import type { Db } from "~/server/db.server";
import { env, safeguardingEndpoint } from "~/server/env.server";
import { enqueue, QUEUES } from "~/server/jobs.server";
import { systemActor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { CONCERN_RECORD } from "./access";
import { holdReferences } from "./holds";

const SAFEGUARDING_EVENTS = ["referral.created", "referral.updated", "referral.outcome-recorded"] as const;
export type SafeguardingEvent = (typeof SAFEGUARDING_EVENTS)[number];

/** Six tries in all: the first and five retries, waiting twice as long each time. */
export const DELIVERY_ATTEMPTS = 6;

/** `X-Safeguarding-Signature`: HMAC-SHA256 of `<timestamp>.<body>` with the authority's secret, as hex. */
export function signDelivery(secret: string, timestamp: string, body: string) {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** The referral as the case management system receives it (docs/safeguarding-webhook.md). */
async function payloadFor(tx: Db, referralId: string, event: SafeguardingEvent, deliveryId: string) {
  const [row] = await tx
    .select({ referral: ladoReferrals, concern: concerns, authority: { code: authorities.code, name: authorities.name } })
    .from(ladoReferrals)
    .innerJoin(concerns, eq(concerns.id, ladoReferrals.concernId))
    .innerJoin(authorities, eq(authorities.id, ladoReferrals.authorityId))
    .where(eq(ladoReferrals.id, referralId));
  const { referral: r, concern: c } = row;
  const holds = await tx.select().from(ladoHolds).where(eq(ladoHolds.referralId, referralId));
  const refs = await holdReferences(tx, holds);
  const [licence] = c.subjectDocumentId
    ? await tx.select({ reference: issuedDocuments.reference }).from(issuedDocuments).where(eq(issuedDocuments.id, c.subjectDocumentId))
    : [];
  return {
    id: deliveryId,
    event,
    authority: row.authority,
    referral: {
      reference: c.reference,
      receivedAt: c.receivedAt.toISOString(),
      referredOn: r.referredOn,
      categories: r.categories,
      thresholdReason: c.decisionReason,
      caseReference: r.caseReference,
      caseAddress: r.caseAddress,
      outcome: r.outcome,
      outcomeOn: r.outcomeOn,
      retentionReviewOn: r.retentionReviewOn,
      subject: {
        name: c.subjectName,
        role: c.subjectRole,
        organisation: c.subjectOrganisationName,
        dateOfBirth: r.subjectDateOfBirth,
        chaperoneLicence: licence?.reference ?? null,
      },
      concern: { whatHappened: c.whatHappened, happenedOn: c.happenedOn, actionTaken: c.actionTaken, childName: c.childName, productionName: c.productionName },
      reporter: { name: c.reporterName, email: c.reporterEmail, phone: c.reporterPhone, relationship: c.reporterRelationship },
      holds: holds.map((h) => ({ kind: h.kind, reference: refs.get(h.recordId) ?? null, placedAt: h.placedAt.toISOString(), liftedAt: h.liftedAt?.toISOString() ?? null })),
    },
  };
}

/**
 * In the caller's transaction: when the referral's authority has a safeguarding-record endpoint, records the event
 * for delivery and returns its id (dispatch after commit); otherwise nothing is sent.
 */
export async function queueSafeguardingEvent(tx: Db, referralId: string, event: SafeguardingEvent) {
  const [referral] = await tx
    .select({ code: authorities.code })
    .from(ladoReferrals)
    .innerJoin(authorities, eq(authorities.id, ladoReferrals.authorityId))
    .where(eq(ladoReferrals.id, referralId));
  if (!safeguardingEndpoint(referral.code)) return [];
  const id = crypto.randomUUID();
  await tx.insert(safeguardingDeliveries).values({ id, referralId, event, payload: await payloadFor(tx, referralId, event, id) });
  return [id];
}

/** After commit: one job per delivery; pg-boss retries a failure with backoff (first wait SAFEGUARDING_RETRY_DELAY_SECONDS). */
export async function dispatchDeliveries(ids: string[]) {
  for (const id of ids) {
    await enqueue(
      QUEUES.safeguardingWebhook,
      { deliveryId: id },
      { singletonKey: `safeguarding-${id}`, retryLimit: DELIVERY_ATTEMPTS - 1, retryDelay: env().SAFEGUARDING_RETRY_DELAY_SECONDS, retryBackoff: true },
    );
  }
}

/** Re-queues never-tried deliveries whose job was lost (the process stopped between commit and dispatch). */
export async function sweepDeliveries(db: Db, olderThan = new Date(Date.now() - 120_000)) {
  const pending = await db
    .select({ id: safeguardingDeliveries.id })
    .from(safeguardingDeliveries)
    .where(and(eq(safeguardingDeliveries.status, "pending"), eq(safeguardingDeliveries.attempts, 0), lt(safeguardingDeliveries.createdAt, olderThan)))
    .limit(500);
  await dispatchDeliveries(pending.map((p) => p.id));
  return pending.length;
}

/**
 * Sends one delivery: POST the stored JSON, signed. A 2xx answer is delivered (a `caseReference` in the answer is
 * kept on the referral if it has none); anything else is recorded and thrown so the queue tries again, until the
 * last attempt, which marks it failed for the LADO to see.
 */
export async function deliverSafeguardingEvent(db: Db, deliveryId: string, { fetchImpl = fetch, now = () => new Date() } = {}) {
  const [row] = await db
    .select({ delivery: safeguardingDeliveries, code: authorities.code, caseReference: ladoReferrals.caseReference, concernId: ladoReferrals.concernId })
    .from(safeguardingDeliveries)
    .innerJoin(ladoReferrals, eq(ladoReferrals.id, safeguardingDeliveries.referralId))
    .innerJoin(authorities, eq(authorities.id, ladoReferrals.authorityId))
    .where(eq(safeguardingDeliveries.id, deliveryId));
  if (!row || row.delivery.status === "delivered" || row.delivery.status === "failed") return;
  const endpoint = safeguardingEndpoint(row.code);
  const attempts = row.delivery.attempts + 1;
  let error: string | null = null;
  let caseReference: string | null = null;
  if (!endpoint) error = "The council no longer has a safeguarding record endpoint";
  else {
    const body = JSON.stringify({ ...(row.delivery.payload as object), sentAt: now().toISOString() });
    const timestamp = String(Math.floor(now().getTime() / 1000));
    try {
      const response = await fetchImpl(endpoint.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "child-licensing-safeguarding/1",
          "x-safeguarding-event": row.delivery.event,
          "x-safeguarding-delivery": deliveryId,
          "x-safeguarding-timestamp": timestamp,
          "x-safeguarding-signature": signDelivery(endpoint.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) error = `The case management system answered ${response.status}`;
      else {
        const answer = (await response.json().catch(() => null)) as { caseReference?: unknown } | null;
        if (typeof answer?.caseReference === "string" && answer.caseReference.trim()) caseReference = answer.caseReference.trim().slice(0, 100);
      }
    } catch (e) {
      error = `Could not reach the case management system: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500);
    }
  }
  const at = now();
  await db.transaction(async (tx) => {
    if (!error) {
      await tx.update(safeguardingDeliveries).set({ status: "delivered", attempts, lastAttemptAt: at, deliveredAt: at, lastError: null }).where(eq(safeguardingDeliveries.id, deliveryId));
      if (caseReference && !row.caseReference) {
        await tx
          .update(ladoReferrals)
          .set({ caseReference })
          .where(and(eq(ladoReferrals.id, row.delivery.referralId), isNull(ladoReferrals.caseReference)));
        await recordAudit(tx, systemActor, { action: "lado.case-reference-received", recordType: CONCERN_RECORD, recordId: row.concernId, after: { caseReference } });
      }
      return;
    }
    const status = attempts >= DELIVERY_ATTEMPTS ? "failed" : "retrying";
    await tx.update(safeguardingDeliveries).set({ status, attempts, lastAttemptAt: at, lastError: error }).where(eq(safeguardingDeliveries.id, deliveryId));
  });
  if (error && attempts < DELIVERY_ATTEMPTS) throw new Error(error);
}
