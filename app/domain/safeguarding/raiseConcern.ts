import { and, eq } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { issuedDocuments } from "#db/schema/documents";
import { memberships, users } from "#db/schema/identity";
import { concerns, SUBJECT_ROLES, type SubjectRole } from "#db/schema/safeguarding";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { formatDay, londonDate } from "../calendar/dates";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { CONCERN_RECORD } from "./access";
import { bookedChaperones } from "./concernChoices";
import { newConcernReference } from "./concernReference";
import { referralDueOn } from "./rules";

const CONCERN_LIMITS = { name: 200, short: 500, details: 5000 } as const;

export type ConcernInput = {
  authorityId: string;
  reporterName: string;
  reporterEmail: string;
  reporterPhone?: string;
  reporterRelationship: string;
  /** A booked chaperone's licence reference, or empty or "other" for someone else. */
  subjectChaperone?: string;
  subjectName?: string;
  subjectRole: string;
  subjectOrganisationName?: string;
  childName?: string;
  productionName?: string;
  whatHappened: string;
  happenedOn: string;
  actionTaken?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const trimmed = (value: string | undefined) => value?.trim() || null;

/** The input's own rules, the same as the form's: what a reporter must give (the reporter's own answers are kept on error). */
function check(input: ConcernInput, picked: boolean, today: string) {
  const errors: Record<string, string[]> = {};
  const need = (field: keyof ConcernInput, message: string, max: number, tooLong: string) => {
    const value = (input[field] ?? "").trim();
    if (!value) errors[field] = [message];
    else if (value.length > max) errors[field] = [tooLong];
  };
  const limit = (field: keyof ConcernInput, max: number, tooLong: string) => {
    if ((input[field] ?? "").trim().length > max) errors[field] = [tooLong];
  };
  need("reporterName", "Enter your name", CONCERN_LIMITS.name, `Your name must be ${CONCERN_LIMITS.name} characters or fewer`);
  need("reporterEmail", "Enter your email address", CONCERN_LIMITS.name, `Your email address must be ${CONCERN_LIMITS.name} characters or fewer`);
  need("reporterRelationship", "Enter how you know the child or the adult", CONCERN_LIMITS.short, `How you know them must be ${CONCERN_LIMITS.short} characters or fewer`);
  limit("reporterPhone", 40, "Your phone number must be 40 characters or fewer");
  if (!picked) need("subjectName", "Enter the adult's name", CONCERN_LIMITS.name, `Their name must be ${CONCERN_LIMITS.name} characters or fewer`);
  if (!picked && !SUBJECT_ROLES.includes(input.subjectRole as SubjectRole)) errors.subjectRole = ["Select what the adult does"];
  limit("subjectOrganisationName", CONCERN_LIMITS.name, `The organisation must be ${CONCERN_LIMITS.name} characters or fewer`);
  limit("childName", CONCERN_LIMITS.name, `The child's name must be ${CONCERN_LIMITS.name} characters or fewer`);
  limit("productionName", CONCERN_LIMITS.name, `The production or workplace must be ${CONCERN_LIMITS.name} characters or fewer`);
  need("whatHappened", "Enter what happened", CONCERN_LIMITS.details, `What happened must be ${CONCERN_LIMITS.details} characters or fewer`);
  limit("actionTaken", CONCERN_LIMITS.details, `What has been done must be ${CONCERN_LIMITS.details} characters or fewer`);
  if (!UUID.test(input.authorityId ?? "")) errors.authorityId = ["Select the council"];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.happenedOn ?? "")) errors.happenedOnDay = ["Enter the date it happened"];
  else if (input.happenedOn > today) errors.happenedOnDay = ["The date it happened must be today or in the past"];
  if (Object.keys(errors).length) throw new RuleError(errors);
}

/**
 * Anyone, signed in or not, raises a concern about an adult who works with children. It goes to the council's
 * LADO (each LADO is emailed that it has arrived, without the details) and starts the LADO-1WD clock; the
 * reporter gets the reference and nothing more.
 */
export async function raiseConcern(db: Db, actor: Actor, input: ConcernInput, baseUrl: string, { now = new Date() }: { now?: Date } = {}) {
  const today = londonDate(now);
  const picked = !!input.subjectChaperone && input.subjectChaperone !== "other";
  check(input, picked, today);
  let subjectDocumentId: string | null = null;
  let subjectName = input.subjectName?.trim() ?? "";
  let subjectRole = input.subjectRole as SubjectRole;
  if (picked) {
    // only a chaperone from the reporter's own bookings can be picked
    const booked = (await bookedChaperones(db, actor)).find((c) => c.reference === input.subjectChaperone);
    if (!booked) throw RuleError.field("subjectChaperone", "Select a chaperone from the list, or someone else");
    const [doc] = await db.select({ id: issuedDocuments.id }).from(issuedDocuments).where(eq(issuedDocuments.reference, booked.reference));
    subjectDocumentId = doc.id;
    subjectName = booked.name;
    subjectRole = "chaperone";
  }
  const [authority] = await db.select({ id: authorities.id, name: authorities.name }).from(authorities).where(eq(authorities.id, input.authorityId));
  if (!authority) throw RuleError.field("authorityId", "Select the council");
  const settings = await getAuthoritySettings(db, authority.id);
  const dueOn = referralDueOn(today, settings.closureDays);

  return db.transaction(async (tx) => {
    const reference = newConcernReference();
    const [concern] = await tx
      .insert(concerns)
      .values({
        reference,
        authorityId: authority.id,
        receivedAt: now,
        receivedOn: today,
        reporterUserId: actor.userId,
        reporterName: input.reporterName.trim(),
        reporterEmail: input.reporterEmail.trim().toLowerCase(),
        reporterPhone: trimmed(input.reporterPhone),
        reporterRelationship: input.reporterRelationship.trim(),
        subjectDocumentId,
        subjectName,
        subjectRole,
        subjectOrganisationName: trimmed(input.subjectOrganisationName),
        childName: trimmed(input.childName),
        productionName: trimmed(input.productionName),
        whatHappened: input.whatHappened.trim(),
        happenedOn: input.happenedOn,
        actionTaken: trimmed(input.actionTaken),
      })
      .returning({ id: concerns.id });
    await recordAudit(tx, actor, { action: "concern.raised", recordType: CONCERN_RECORD, recordId: concern.id, after: { reference } });
    const outboxIds = [
      await queueEmail(tx, input.reporterEmail.trim(), "concern-received", {
        name: input.reporterName.trim(),
        reference,
        authorityName: authority.name,
        url: `${baseUrl}/report-a-concern`,
      }),
    ];
    const lados = await tx
      .selectDistinct({ email: users.email, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.authorityId, authority.id), eq(memberships.role, "lado")));
    for (const lado of lados) {
      outboxIds.push(
        await queueEmail(tx, lado.email, "concern-for-lado", {
          name: lado.name,
          reference,
          dueBy: formatDay(dueOn),
          authorityName: authority.name,
          url: `${baseUrl}/lado/cases/${reference}`,
        }),
      );
    }
    return { reference, outboxIds };
  });
}
