import { asc, eq } from "drizzle-orm";
import { authorities, organisations, schools } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { performanceApplications, schoolConsultations, scheduleDays } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { addWorkingDays } from "../calendar/workingDays";
import { londonDate } from "../calendar/dates";
import { newToken } from "../identity/tokens";
import { queueEmail } from "../notifications/queueEmail";
import { schoolContact } from "../schools/schoolContact";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { assertLicenceTransition } from "./states";

/** How long the school's emailed link works (service policy): beyond the answer's due date, for a late answer. */
export const SCHOOL_CONSULTATION_LINK_DAYS = 14;

type Application = typeof performanceApplications.$inferSelect;

/**
 * Asks the child's school for its view (SCHOOL-*), inside the submitting transaction: when any schedule day is a
 * school day, or always if the authority's setting says so. The request goes to the school's contact (its first
 * user with the school role, else the office email the council holds) with a link that works for 14 days (only its
 * SHA-256 is stored), due in the authority's working days (SCHOOL-DEADLINE); the application then waits for the
 * school. A school with no contact at all is not consulted: the audit says why, for the officer.
 */
export async function consultSchool(tx: Db, actor: Actor, application: Application, baseUrl: string, now = new Date()) {
  const today = londonDate(now);
  const days = await tx
    .select({ date: scheduleDays.date, schoolDay: scheduleDays.schoolDay })
    .from(scheduleDays)
    .where(eq(scheduleDays.applicationId, application.id))
    .orderBy(asc(scheduleDays.date));
  const settings = await getAuthoritySettings(tx, application.authorityId);
  const schoolDaysMissed = days.filter((d) => d.schoolDay).map((d) => d.date);
  if (!schoolDaysMissed.length && !settings.consultSchoolAlways) return { consultationId: null, status: application.status, outboxIds: [] as string[] };

  const [child] = await tx.select().from(children).where(eq(children.id, application.childId));
  const schoolId = application.schoolId ?? (application.schoolName ? null : child.schoolId);
  const contact = schoolId ? await schoolContact(tx, schoolId) : undefined;
  const reason = schoolDaysMissed.length ? "school-days-missed" : "authority-setting";
  if (!contact) {
    await recordAudit(tx, actor, {
      action: "performance-application.school-not-consulted",
      recordType: "performance-application",
      recordId: application.id,
      after: {
        reason,
        schoolId,
        schoolName: application.schoolName ?? child.schoolName,
        summary: schoolId ? "The council holds no contact for the school, so it was not asked for its view" : "The school is not on the service, so it was not asked for its view",
      },
    });
    return { consultationId: null, status: application.status, outboxIds: [] as string[] };
  }

  const status = assertLicenceTransition(application.status, "consult-school");
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + SCHOOL_CONSULTATION_LINK_DAYS * 86_400_000);
  const workingDays = settings.schoolResponseWorkingDays;
  const dueOn = addWorkingDays(today, workingDays);
  const [consultation] = await tx
    .insert(schoolConsultations)
    .values({ applicationId: application.id, schoolId, email: contact.email, tokenHash: hash, expiresAt, dueOn, createdAt: now })
    .returning({ id: schoolConsultations.id });
  await tx.update(performanceApplications).set({ status, updatedAt: now }).where(eq(performanceApplications.id, application.id));
  await recordAudit(tx, actor, {
    action: "performance-application.school-consulted",
    recordType: "performance-application",
    recordId: application.id,
    before: { status: application.status },
    after: { status, consultationId: consultation.id, schoolId, reason, schoolDaysMissed, sentTo: contact.email, dueOn, expiresAt: expiresAt.toISOString() },
  });

  const [details] = await tx
    .select({ schoolName: schools.name, productionTitle: productions.title, organisationName: organisations.name, authorityName: authorities.name })
    .from(schools)
    .innerJoin(productions, eq(productions.id, application.productionId))
    .innerJoin(organisations, eq(organisations.id, application.organisationId))
    .innerJoin(authorities, eq(authorities.id, application.authorityId))
    .where(eq(schools.id, schoolId!));
  const outboxId = await queueEmail(tx, contact.email, "school-consultation-request", {
    name: contact.name,
    schoolName: details.schoolName,
    childName: `${child.firstName} ${child.lastName}`,
    reference: application.reference ?? "",
    productionTitle: details.productionTitle,
    organisationName: details.organisationName,
    authorityName: details.authorityName,
    firstDate: days[0]?.date ?? null,
    lastDate: days[days.length - 1]?.date ?? null,
    schoolDaysMissed,
    dueOn,
    workingDays,
    linkDays: SCHOOL_CONSULTATION_LINK_DAYS,
    url: `${baseUrl}/school-consultations/${token}`,
  });
  return { consultationId: consultation.id, status, outboxIds: [outboxId] };
}
