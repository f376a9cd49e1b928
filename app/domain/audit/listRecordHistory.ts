import { and, desc, eq } from "drizzle-orm";
import { auditEvents } from "#db/schema/audit";
import type { Db } from "~/server/db.server";

/** A record's audit history, newest first. Callers must already have checked the actor may see the record. */
export async function listRecordHistory(db: Db, recordType: string, recordId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(200);
}
