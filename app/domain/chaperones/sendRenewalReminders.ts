import { and, eq, gte, lte } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { issuedDocuments } from "#db/schema/documents";
import { renewalReminders } from "#db/schema/reminders";
import type { Db } from "~/server/db.server";
import { systemActor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { queueEmail } from "../notifications/queueEmail";
import { addDays, CHAPERONE_RULES, reminderDue } from "./rules";

/**
 * The daily job: emails each chaperone whose approval ends in 90, 30 or 7 days. A reminder row is claimed
 * (insert … on conflict do nothing) in the same transaction as its email, so each reminder goes exactly once
 * however often or concurrently the job runs; a missed day still sends the nearest reminder due.
 */
export async function sendRenewalReminders(db: Db, baseUrl: string, today = londonDate()) {
  const horizon = addDays(today, Math.max(...CHAPERONE_RULES["CHAPLIC-REMINDERS"].daysBefore));
  const due = await db
    .select({
      id: issuedDocuments.id,
      reference: issuedDocuments.reference,
      holderName: issuedDocuments.holderName,
      holderEmail: issuedDocuments.holderEmail,
      validTo: issuedDocuments.validTo,
      authorityName: authorities.name,
    })
    .from(issuedDocuments)
    .innerJoin(authorities, eq(authorities.id, issuedDocuments.authorityId))
    .where(
      and(
        eq(issuedDocuments.kind, "chaperone-licence"),
        eq(issuedDocuments.status, "valid"),
        gte(issuedDocuments.validTo, today),
        lte(issuedDocuments.validTo, horizon),
      ),
    );
  const outboxIds: string[] = [];
  for (const licence of due) {
    const days = reminderDue(licence.validTo, today);
    if (days === null || !licence.holderEmail) continue;
    await db.transaction(async (tx) => {
      const claimed = await tx.insert(renewalReminders).values({ documentId: licence.id, daysBefore: days }).onConflictDoNothing().returning();
      if (!claimed.length) return;
      await recordAudit(tx, systemActor, { action: "chaperone.renewal-reminder-sent", recordType: "document", recordId: licence.id, after: { daysBefore: days } });
      outboxIds.push(
        await queueEmail(tx, licence.holderEmail!, "chaperone-renewal-reminder", {
          name: licence.holderName,
          reference: licence.reference,
          validTo: licence.validTo,
          daysLeft: days,
          authorityName: licence.authorityName,
          url: `${baseUrl}/chaperone`,
        }),
      );
    });
  }
  return { outboxIds };
}
