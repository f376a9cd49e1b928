import { and, desc, eq, sql } from "drizzle-orm";
import { auditEvents } from "#db/schema/audit";
import type { Db } from "~/server/db.server";

/**
 * A record's audit history, newest first. Callers must already have checked the actor may see the record. Holds
 * from a LADO referral found false or malicious are left out: they are removed from the person's licensing record
 * (the LADO's own record keeps them).
 */
export async function listRecordHistory(db: Db, recordType: string, recordId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.recordType, recordType),
        eq(auditEvents.recordId, recordId),
        sql`not exists (select 1 from lado_referrals r where r.removed_from_licensing_record and r.id::text = ${auditEvents.after}->>'ladoReferralId')`,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(200);
}
