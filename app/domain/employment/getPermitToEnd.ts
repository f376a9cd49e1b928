import { eq } from "drizzle-orm";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { permitForEmployer } from "./access";
import { occupationText, permitParties } from "./permitParties";
import { PERMIT_STATUS_LABELS } from "./states";

/** What the employer sees when reporting that a job has ended: one of their organisation's permits (anyone else's: "not found"). */
export async function getPermitToEnd(db: Db, actor: Actor, permitId: string) {
  const permit = await permitForEmployer(db, actor, permitId);
  const parties = await permitParties(db, permit);
  const [document] = permit.documentId
    ? await db.select({ reference: issuedDocuments.reference }).from(issuedDocuments).where(eq(issuedDocuments.id, permit.documentId))
    : [];
  return {
    id: permit.id,
    status: permit.status,
    statusLabel: PERMIT_STATUS_LABELS[permit.status],
    canEnd: permit.status === "granted",
    reference: permit.reference ?? "No reference",
    permitReference: document?.reference ?? null,
    childName: parties.child?.name ?? "Not known",
    businessName: parties.businessName,
    job: occupationText(permit.occupation),
    startDate: permit.startDate,
    endsOn: permit.endsOn,
    endedAt: permit.endedAt?.toISOString() ?? null,
    endReason: permit.endReason,
    authorityName: parties.authorityName,
  };
}
