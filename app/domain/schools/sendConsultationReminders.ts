import { and, eq, gt, gte, isNull } from "drizzle-orm";
import { schools } from "#db/schema/authorities";
import { schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import { systemActor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { newToken } from "../identity/tokens";
import { LICENCE_RULES } from "../licences/rules";
import { queueEmail } from "../notifications/queueEmail";
import { workingDaysBetween } from "./consultationClock";
import { consultationSubject } from "./subject";

/**
 * The daily job: emails each school that has not answered, once, 2 working days before its answer is due
 * (SCHOOL-DEADLINE). Only the token's hash is stored, so the reminder carries a new link, which replaces the
 * first one. The reminder is claimed (remindedAt) in the same transaction as its email, so it goes once however
 * often or concurrently the job runs; a missed day still sends it on a later day up to the due date.
 */
export async function sendConsultationReminders(db: Db, baseUrl: string, now = new Date()) {
  const today = londonDate(now);
  const before = LICENCE_RULES["SCHOOL-DEADLINE"].reminderWorkingDaysBefore;
  const candidates = await db
    .select({ consultation: schoolConsultations, schoolName: schools.name })
    .from(schoolConsultations)
    .leftJoin(schools, eq(schools.id, schoolConsultations.schoolId))
    .where(
      and(
        isNull(schoolConsultations.respondedAt),
        isNull(schoolConsultations.remindedAt),
        gte(schoolConsultations.dueOn, today),
        gt(schoolConsultations.expiresAt, now),
      ),
    );

  const outboxIds: string[] = [];
  for (const { consultation: c, schoolName } of candidates) {
    if (workingDaysBetween(today, c.dueOn) > before) continue;
    const subject = await consultationSubject(db, c);
    if (!subject.open) continue;
    await db.transaction(async (tx) => {
      const { token, hash } = newToken();
      const claimed = await tx
        .update(schoolConsultations)
        .set({ remindedAt: now, tokenHash: hash })
        .where(and(eq(schoolConsultations.id, c.id), isNull(schoolConsultations.remindedAt), isNull(schoolConsultations.respondedAt)))
        .returning({ id: schoolConsultations.id });
      if (!claimed.length) return;
      await recordAudit(tx, systemActor, {
        action: "school-consultation.reminder-sent",
        recordType: subject.recordType,
        recordId: subject.recordId,
        after: { consultationId: c.id, dueOn: c.dueOn },
      });
      outboxIds.push(
        await queueEmail(tx, c.email, "school-consultation-reminder", {
          name: schoolName ?? subject.typedSchoolName ?? "",
          childName: subject.childName,
          reference: subject.reference,
          dueOn: c.dueOn,
          authorityName: subject.authorityName,
          url: `${baseUrl}/school-consultations/${token}`,
        }),
      );
    });
  }
  return { outboxIds };
}
