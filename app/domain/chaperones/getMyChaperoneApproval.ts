import { and, desc, eq } from "drizzle-orm";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { londonDate } from "../calendar/dates";
import { publicStatus, STATUS_LABELS } from "../documents/states";
import { assertApplicant } from "./applicantScope";
import { renewalWindow } from "./rules";

/**
 * The chaperone's current approval: the chaperone-licence document they hold that is valid today (or valid and
 * not started yet), latest ending first — or null. Says when a renewal may be started and when it would begin.
 */
export async function getMyChaperoneApproval(db: Db, actor: Actor, today = londonDate()) {
  assertApplicant(actor);
  const rows = await db
    .select({
      id: issuedDocuments.id,
      reference: issuedDocuments.reference,
      authorityId: issuedDocuments.authorityId,
      validFrom: issuedDocuments.validFrom,
      validTo: issuedDocuments.validTo,
      status: issuedDocuments.status,
    })
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.holderUserId, actor.userId), eq(issuedDocuments.kind, "chaperone-licence"), eq(issuedDocuments.status, "valid")))
    .orderBy(desc(issuedDocuments.validTo))
    .limit(10);
  const current = rows.find((r) => r.validTo >= today);
  if (!current) return null;
  const status = publicStatus(current, today);
  const { opensOn, newStartsOn } = renewalWindow(current.validTo);
  return { ...current, statusLabel: STATUS_LABELS[status], renewalOpensOn: opensOn, renewalStartsOn: newStartsOn, canRenew: today >= opensOn };
}

export type MyChaperoneApproval = NonNullable<Awaited<ReturnType<typeof getMyChaperoneApproval>>>;
