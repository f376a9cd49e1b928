import { and, eq, gt, gte, inArray, isNull } from "drizzle-orm";
import { authorities, schools } from "#db/schema/authorities";
import { children } from "#db/schema/children";
import { performanceApplications, schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import { systemActor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../documents/states";
import { newToken } from "../identity/tokens";
import { LICENCE_RULES } from "../licences/rules";
import { queueEmail } from "../notifications/queueEmail";
import { workingDaysBetween } from "./consultationClock";
import { CONSULTATION_OPEN_STATUSES } from "./consultationView";

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
    .select({
      id: schoolConsultations.id,
      applicationId: schoolConsultations.applicationId,
      email: schoolConsultations.email,
      dueOn: schoolConsultations.dueOn,
      schoolName: schools.name,
      applicationSchoolName: performanceApplications.schoolName,
      reference: performanceApplications.reference,
      firstName: children.firstName,
      lastName: children.lastName,
      authorityName: authorities.name,
    })
    .from(schoolConsultations)
    .innerJoin(performanceApplications, eq(performanceApplications.id, schoolConsultations.applicationId))
    .innerJoin(children, eq(children.id, performanceApplications.childId))
    .innerJoin(authorities, eq(authorities.id, performanceApplications.authorityId))
    .leftJoin(schools, eq(schools.id, schoolConsultations.schoolId))
    .where(
      and(
        isNull(schoolConsultations.respondedAt),
        isNull(schoolConsultations.remindedAt),
        gte(schoolConsultations.dueOn, today),
        gt(schoolConsultations.expiresAt, now),
        inArray(performanceApplications.status, CONSULTATION_OPEN_STATUSES),
      ),
    );

  const outboxIds: string[] = [];
  for (const c of candidates) {
    if (workingDaysBetween(today, c.dueOn) > before) continue;
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
        recordType: "performance-application",
        recordId: c.applicationId,
        after: { consultationId: c.id, dueOn: c.dueOn },
      });
      outboxIds.push(
        await queueEmail(tx, c.email, "school-consultation-reminder", {
          name: c.schoolName ?? c.applicationSchoolName ?? "",
          childName: `${c.firstName} ${c.lastName}`,
          reference: c.reference ?? "",
          dueOn: c.dueOn,
          authorityName: c.authorityName,
          url: `${baseUrl}/school-consultations/${token}`,
        }),
      );
    });
  }
  return { outboxIds };
}
