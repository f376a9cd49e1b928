import { eq } from "drizzle-orm";
import { authorities, schools } from "#db/schema/authorities";
import type { employmentPermits } from "#db/schema/employment";
import { schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { addWorkingDays } from "../calendar/workingDays";
import { londonDate } from "../calendar/dates";
import { newToken } from "../identity/tokens";
import { SCHOOL_CONSULTATION_LINK_DAYS } from "../licences/consultSchool";
import { queueEmail } from "../notifications/queueEmail";
import { schoolContact } from "../schools/schoolContact";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { OCCUPATION_LABELS, type Occupation } from "./rules";

type Permit = typeof employmentPermits.$inferSelect;

/**
 * Tells the child's school about a submitted permit application (EMPLOY-*, SCHOOL-*), inside the submitting
 * transaction: the same consultation as for a performance licence, due in the deciding authority's working days,
 * by which the school may raise a concern about attendance, health or welfare. The permit does not wait for it.
 * A school with no contact the council knows of is not told: the audit says so, for the officer.
 */
export async function consultSchoolAboutPermit(tx: Db, actor: Actor, permit: Permit, childName: string, baseUrl: string, now = new Date()) {
  const schoolId = permit.schoolId;
  const contact = schoolId ? await schoolContact(tx, schoolId) : undefined;
  if (!schoolId || !contact || !permit.authorityId) {
    await recordAudit(tx, actor, {
      action: "employment-permit.school-not-told",
      recordType: "employment-permit",
      recordId: permit.id,
      after: { schoolId, summary: schoolId ? "The council holds no contact for the school, so it was not told" : "The child's school is not on the service, so it was not told" },
    });
    return { consultationId: null, outboxIds: [] as string[] };
  }
  const settings = await getAuthoritySettings(tx, permit.authorityId);
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + SCHOOL_CONSULTATION_LINK_DAYS * 86_400_000);
  const dueOn = addWorkingDays(londonDate(now), settings.schoolResponseWorkingDays);
  const [consultation] = await tx
    .insert(schoolConsultations)
    .values({ permitId: permit.id, schoolId, email: contact.email, tokenHash: hash, expiresAt, dueOn, createdAt: now })
    .returning({ id: schoolConsultations.id });
  await recordAudit(tx, actor, {
    action: "employment-permit.school-told",
    recordType: "employment-permit",
    recordId: permit.id,
    after: { consultationId: consultation.id, schoolId, sentTo: contact.email, dueOn, expiresAt: expiresAt.toISOString() },
  });
  const [details] = await tx
    .select({ schoolName: schools.name, authorityName: authorities.name })
    .from(schools)
    .innerJoin(authorities, eq(authorities.id, permit.authorityId))
    .where(eq(schools.id, schoolId));
  const outboxId = await queueEmail(tx, contact.email, "school-permit-notice", {
    name: contact.name,
    schoolName: details.schoolName,
    childName,
    reference: permit.reference ?? "",
    employer: permit.businessName ?? "",
    job: OCCUPATION_LABELS[permit.occupation as Occupation] ?? permit.occupation ?? "",
    authorityName: details.authorityName,
    dueOn,
    workingDays: settings.schoolResponseWorkingDays,
    linkDays: SCHOOL_CONSULTATION_LINK_DAYS,
    url: `${baseUrl}/school-consultations/${token}`,
  });
  return { consultationId: consultation.id, outboxIds: [outboxId] };
}
