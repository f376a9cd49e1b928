import { eq } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { children } from "#db/schema/children";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import { daysBetween, londonDate } from "../calendar/dates";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { nextSequence } from "../documents/nextSequence";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { consultSchoolAboutPermit } from "./consultSchoolAboutPermit";
import { describePermit, type PermitViewOptions } from "./getPermitApplication";
import { employerContacts, type Party, PERMIT_RECORD, permitForParty, userContact } from "./permitParty";
import { formatPermitApplicationReference, isLatePermitApplication, PERMIT_APPLICATION_SEQUENCE_KIND, PERMIT_RULES } from "./permitRules";
import { assertPermitTransition } from "./states";

/**
 * Either side sends the application to the council where the work happens, once both parts are complete and the
 * EMPLOY-* rules find nothing (checked again here with the child's real date of birth). Gives it its reference
 * ({CODE}-PE-{year}-{000001}), flags it late when sent more than 7 days after the start date (EMPLOY-7DAYS),
 * records the child's school, audits it and emails the employer's people and the parent — in one transaction.
 */
export async function submitPermitApplication(db: Db, actor: Actor, permitId: string, as: Party, baseUrl: string, options: PermitViewOptions = {}) {
  const now = options.now ?? new Date();
  await permitForParty(db, actor, permitId, as);
  const today = londonDate(now);
  return db.transaction(async (tx) => {
    const permit = await permitForParty(tx, actor, permitId, as, { lock: true });
    const status = assertPermitTransition(permit.status, "submit");
    const view = await describePermit(tx, permit, as, { ...options, now });
    if (Object.keys(view.problems).length) throw new RuleError(view.problems);
    const startDate = permit.startDate!;
    const authorityId = permit.authorityId!;
    const late = isLatePermitApplication(startDate, today);
    const daysLate = late ? daysBetween(startDate, today) : 0;
    const year = Number(today.slice(0, 4));
    const [authority] = await tx.select({ code: authorities.code, name: authorities.name }).from(authorities).where(eq(authorities.id, authorityId));
    const reference = formatPermitApplicationReference(authority.code, year, await nextSequence(tx, authorityId, PERMIT_APPLICATION_SEQUENCE_KIND, year));
    const [child] = await tx.select({ schoolId: children.schoolId }).from(children).where(eq(children.id, permit.childId!));
    await tx
      .update(employmentPermits)
      .set({ status, reference, late, schoolId: child.schoolId, submittedAt: now, inviteTokenHash: null, inviteExpiresAt: null, updatedAt: now })
      .where(eq(employmentPermits.id, permit.id));
    const childName = view.child!.name;
    await recordAudit(tx, actor, {
      action: "employment-permit.submitted",
      recordType: PERMIT_RECORD,
      recordId: permit.id,
      before: { status: permit.status },
      after: {
        status,
        reference,
        authority: authority.name,
        startDate,
        late,
        schoolId: child.schoolId,
        summary: `${reference} for ${childName} to ${authority.name}${late ? ` (${daysLate} days after the start date)` : ""}`,
      },
    });

    const common = {
      reference,
      childName,
      businessName: permit.businessName ?? view.employer.organisationName ?? "",
      job: view.employer.occupationLabel ?? "",
      authorityName: authority.name,
      startDate,
      late,
      lateDays: PERMIT_RULES["EMPLOY-7DAYS"].days,
    };
    const outboxIds: string[] = [];
    for (const contact of await employerContacts(tx, permit.organisationId!)) {
      outboxIds.push(
        await queueEmail(tx, contact.email, "permit-submitted", { ...common, name: contact.name, to: "employer", url: `${baseUrl}/employer/permits/${permit.id}` }),
      );
    }
    const parent = await userContact(tx, permit.parentUserId!);
    outboxIds.push(
      await queueEmail(tx, parent.email, "permit-submitted", {
        ...common,
        name: parent.name,
        to: "parent",
        url: `${baseUrl}/children/${permit.childId}/permits/${permit.id}`,
      }),
    );
    // The child's school is told and may raise a concern about attendance, health or welfare (SCHOOL-*).
    const [submitted] = await tx.select().from(employmentPermits).where(eq(employmentPermits.id, permit.id));
    const told = await consultSchoolAboutPermit(tx, actor, submitted, childName, baseUrl, now);
    outboxIds.push(...told.outboxIds);
    return { permitId: permit.id, childId: permit.childId, reference, late, consultationId: told.consultationId, outboxIds };
  });
}
