import { and, eq, gte, inArray, isNull, notInArray } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { bopaApplications } from "#db/schema/bopa";
import { issuedDocuments } from "#db/schema/documents";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import { type HoldKind, ladoHolds, ladoReferrals } from "#db/schema/safeguarding";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { setDocumentStatus } from "../documents/changeDocumentStatus";
import { LICENCE_RECORD } from "../licences/officerScope";
import { HOLD_LABEL } from "./labels";
import { LADO_RULES, type Outcome } from "./rules";

export { HOLD_LABEL };

const RECORD_TYPE: Record<HoldKind, string> = {
  "chaperone-licence": "document",
  "performance-application": LICENCE_RECORD,
  "bopa-application": "bopa-application",
};

/** Applications that are finished with: nothing left to hold. */
const CLOSED_APPLICATIONS = ["refused", "withdrawn", "revoked"] as const;

type Referral = { id: string; authorityId: string };

/**
 * LADO holds, in the referral's transaction: the named chaperone's licence is suspended at once; every application
 * naming them on a date from today, and (when the concern is about an organisation's staff) its pending
 * applications and BOPA, are flagged to their deciding councils. Each held record's history says only "on hold".
 */
export async function placeHolds(
  tx: Db,
  actor: Actor,
  referral: Referral,
  { documentId, organisationId, today }: { documentId: string | null; organisationId: string | null; today: string },
) {
  const holds: { kind: HoldKind; recordId: string; authorityId: string; suspendedDocument?: boolean }[] = [];
  if (documentId) {
    const [doc] = await tx.select().from(issuedDocuments).where(eq(issuedDocuments.id, documentId)).for("update");
    if (doc && (doc.status === "valid" || doc.status === "suspended")) {
      const suspend = doc.status === "valid";
      if (suspend) await setDocumentStatus(tx, actor, doc, "suspend", HOLD_LABEL, { ladoReferralId: referral.id });
      holds.push({ kind: "chaperone-licence", recordId: doc.id, authorityId: doc.authorityId, suspendedDocument: suspend });
    }
    const named = await tx
      .selectDistinct({ id: performanceApplications.id, authorityId: performanceApplications.authorityId })
      .from(scheduleDays)
      .innerJoin(performanceApplications, eq(performanceApplications.id, scheduleDays.applicationId))
      .where(and(eq(scheduleDays.chaperoneDocumentId, documentId), gte(scheduleDays.date, today), notInArray(performanceApplications.status, [...CLOSED_APPLICATIONS])));
    holds.push(...named.map((a) => ({ kind: "performance-application" as const, recordId: a.id, authorityId: a.authorityId })));
  }
  if (organisationId) {
    const pending = await tx
      .select({ id: performanceApplications.id, authorityId: performanceApplications.authorityId })
      .from(performanceApplications)
      .where(
        and(
          eq(performanceApplications.organisationId, organisationId),
          inArray(performanceApplications.status, ["draft", "submitted", "awaiting-school", "under-review", "information-requested"]),
        ),
      );
    holds.push(...pending.map((a) => ({ kind: "performance-application" as const, recordId: a.id, authorityId: a.authorityId })));
    const bopas = await tx
      .select({ id: bopaApplications.id, authorityId: bopaApplications.hostAuthorityId })
      .from(bopaApplications)
      .where(and(eq(bopaApplications.organisationId, organisationId), eq(bopaApplications.status, "submitted")));
    holds.push(...bopas.map((b) => ({ kind: "bopa-application" as const, recordId: b.id, authorityId: b.authorityId })));
  }
  const unique = [...new Map(holds.map((h) => [h.recordId, h])).values()];
  for (const hold of unique) {
    await tx.insert(ladoHolds).values({ ...hold, referralId: referral.id, ladoAuthorityId: referral.authorityId });
    if (hold.kind !== "chaperone-licence") {
      await recordAudit(tx, actor, { action: "lado.hold-placed", recordType: RECORD_TYPE[hold.kind], recordId: hold.recordId, after: { ladoReferralId: referral.id } });
    }
  }
  return unique;
}

/**
 * The outcome's effect on the holds (LADO-OUTCOME): lifted (a licence the hold suspended is reinstated), or kept
 * for the officer to revoke (substantiated).
 */
export async function liftHolds(tx: Db, actor: Actor, referralId: string, outcome: Outcome) {
  const effect = LADO_RULES["LADO-OUTCOME"].effects[outcome];
  if (effect.holds === "keep") return 0;
  const holds = await tx.select().from(ladoHolds).where(and(eq(ladoHolds.referralId, referralId), isNull(ladoHolds.liftedAt)));
  for (const hold of holds) {
    await tx.update(ladoHolds).set({ liftedAt: new Date() }).where(eq(ladoHolds.id, hold.id));
    // another open referral may still hold the same record
    const [other] = await tx
      .select({ id: ladoHolds.id })
      .from(ladoHolds)
      .where(and(eq(ladoHolds.recordId, hold.recordId), isNull(ladoHolds.liftedAt)));
    if (hold.kind === "chaperone-licence") {
      const [doc] = await tx.select().from(issuedDocuments).where(eq(issuedDocuments.id, hold.recordId)).for("update");
      if (hold.suspendedDocument && !other && doc?.status === "suspended") await setDocumentStatus(tx, actor, doc, "reinstate", null, { ladoReferralId: referralId });
    } else {
      await recordAudit(tx, actor, { action: "lado.hold-lifted", recordType: RECORD_TYPE[hold.kind], recordId: hold.recordId, after: { ladoReferralId: referralId } });
    }
  }
  return holds.length;
}

export type HoldNotice = { ladoAuthority: string; promptRevoke: boolean };

/**
 * For officers' pages: which of these records are on hold, and whose LADO to contact. Never the allegation. A
 * substantiated referral keeps its hold and asks the officer to revoke.
 */
export async function holdsOn(db: Db, recordIds: string[]): Promise<Map<string, HoldNotice>> {
  if (!recordIds.length) return new Map();
  const rows = await db
    .select({ recordId: ladoHolds.recordId, ladoAuthority: authorities.name, outcome: ladoReferrals.outcome })
    .from(ladoHolds)
    .innerJoin(ladoReferrals, eq(ladoReferrals.id, ladoHolds.referralId))
    .innerJoin(authorities, eq(authorities.id, ladoHolds.ladoAuthorityId))
    .where(and(inArray(ladoHolds.recordId, recordIds), isNull(ladoHolds.liftedAt)));
  return new Map(rows.map((r) => [r.recordId, { ladoAuthority: r.ladoAuthority, promptRevoke: r.outcome ? LADO_RULES["LADO-OUTCOME"].effects[r.outcome].promptRevoke : false }]));
}
