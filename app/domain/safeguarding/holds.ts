import { and, eq, gte, inArray, isNull, notInArray } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { bopaApplications } from "#db/schema/bopa";
import { issuedDocuments } from "#db/schema/documents";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import { type HoldKind, ladoHolds, ladoReferrals } from "#db/schema/safeguarding";
import { memberships, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { setDocumentStatus } from "../documents/changeDocumentStatus";
import { LICENCE_RECORD } from "../licences/officerScope";
import { queueEmail } from "../notifications/queueEmail";
import { HOLD_LABEL } from "./labels";
import { LADO_RULES, type Outcome } from "./rules";

export { HOLD_LABEL };

const HOLD_RECORD_LABELS: Record<HoldKind, string> = {
  "chaperone-licence": "Chaperone licence",
  "performance-application": "Performance licence application",
  "bopa-application": "Body of persons approval application",
};

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
  { documentId, organisationId, today, baseUrl }: { documentId: string | null; organisationId: string | null; today: string; baseUrl: string },
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
  return { holds: unique, outboxIds: await tellOfficers(tx, unique, referral.authorityId, baseUrl) };
}

/** Each deciding council's officers are emailed what is held and whose LADO to contact. */
async function tellOfficers(tx: Db, holds: { kind: HoldKind; recordId: string; authorityId: string }[], ladoAuthorityId: string, baseUrl: string) {
  if (!holds.length) return [];
  const references = await holdReferences(tx, holds);
  const [lado] = await tx.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, ladoAuthorityId));
  const outboxIds: string[] = [];
  for (const authorityId of new Set(holds.map((h) => h.authorityId))) {
    const records = holds
      .filter((h) => h.authorityId === authorityId)
      .map((h) => `${HOLD_RECORD_LABELS[h.kind]} ${references.get(h.recordId) ?? "(draft, no reference yet)"}`);
    const officers = await tx
      .selectDistinct({ email: users.email, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.authorityId, authorityId), eq(memberships.role, "officer")));
    for (const officer of officers) {
      outboxIds.push(await queueEmail(tx, officer.email, "lado-hold-placed", { name: officer.name, records, ladoAuthorityName: lado.name, url: `${baseUrl}/officer` }));
    }
  }
  return outboxIds;
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

/** The reference people use for each held record: the licence, application or BOPA reference. */
export async function holdReferences(tx: Db, holds: { kind: string; recordId: string }[]) {
  const ids = (kind: string) => holds.filter((h) => h.kind === kind).map((h) => h.recordId);
  const [docs, apps, bopas] = await Promise.all([
    ids("chaperone-licence").length
      ? tx.select({ id: issuedDocuments.id, ref: issuedDocuments.reference }).from(issuedDocuments).where(inArray(issuedDocuments.id, ids("chaperone-licence")))
      : [],
    ids("performance-application").length
      ? tx
          .select({ id: performanceApplications.id, ref: performanceApplications.reference })
          .from(performanceApplications)
          .where(inArray(performanceApplications.id, ids("performance-application")))
      : [],
    ids("bopa-application").length
      ? tx.select({ id: bopaApplications.id, ref: bopaApplications.reference }).from(bopaApplications).where(inArray(bopaApplications.id, ids("bopa-application")))
      : [],
  ]);
  return new Map<string, string | null>([...docs, ...apps, ...bopas].map((r) => [r.id, r.ref]));
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
