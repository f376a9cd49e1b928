import { auditEvents } from "#db/schema/audit";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";

export type AuditEntry = {
  action: string;
  recordType: string;
  recordId: string;
  before?: unknown;
  after?: unknown;
};

/** Writes one append-only audit event; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Db, actor: Actor, entry: AuditEntry) {
  await tx.insert(auditEvents).values({
    actorUserId: actor.userId,
    actorLabel: actor.name,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip,
  });
}
