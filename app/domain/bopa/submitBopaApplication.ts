import { and, eq, inArray } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { bopaApplications } from "#db/schema/bopa";
import { users } from "#db/schema/identity";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { isUuid } from "../children/access";
import { nextSequence } from "../documents/nextSequence";
import { londonDate } from "../calendar/dates";
import { NotFoundError, RuleError } from "../errors";
import { can } from "../identity/capabilities";
import { queueEmail } from "../notifications/queueEmail";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { BOPA_MESSAGES, type BopaAnswers, checkBopaAnswers } from "./checks";
import { BOPA_RULES, isLateApplication } from "./rules";

/** The kind under which application numbers are counted (the documents' gap-free counter). */
const BOPA_SEQUENCE_KIND = "bopa-application";

/** What the two uploads are stored as (the form stores them first, so nothing is lost on an error). */
export const BOPA_UPLOAD_PURPOSES = { policy: "bopa-child-protection-policy", riskAssessment: "bopa-risk-assessment" } as const;

export function formatBopaReference(authorityCode: string, year: number, sequence: number) {
  return `${authorityCode}-BP-${year}-${String(sequence).padStart(6, "0")}`;
}

/**
 * A producer applies, for one of their organisations, to the host authority (where the performances take place)
 * for a body of persons approval. Every answer is checked on the server against the BOPA rules and the host's
 * longest period; one received less than 21 days before the first performance is flagged late (BOPA-21), not
 * refused. Numbers it {CODE}-BP-{year}-{000001}, audits it and emails the producer, in one transaction.
 */
export async function submitBopaApplication(db: Db, actor: Actor, answers: BopaAnswers, baseUrl: string, now = new Date()) {
  if (!actor.userId || !answers.organisationId || !can(actor, "producer:use", { organisationId: answers.organisationId })) throw new NotFoundError("Organisation");
  const today = londonDate(now);
  const [host] = isUuid(answers.hostAuthorityId ?? "")
    ? await db.select({ id: authorities.id, code: authorities.code, name: authorities.name }).from(authorities).where(eq(authorities.id, answers.hostAuthorityId))
    : [];
  const maxMonths = host ? (await getAuthoritySettings(db, host.id)).bopaMaxMonths : BOPA_RULES["BOPA-PERIOD"].defaultMaxMonths;
  const errors = checkBopaAnswers(answers, today, maxMonths);
  if (!host && !errors.hostAuthorityId) errors.hostAuthorityId = [BOPA_MESSAGES.hostAuthorityId];
  // Only the person's own uploads, stored for this purpose.
  for (const field of ["policy", "riskAssessment"] as const) {
    const id = answers[`${field}UploadId`];
    if (!id || errors[field]) continue;
    const [own] = isUuid(id)
      ? await db
          .select({ id: uploads.id })
          .from(uploads)
          .where(and(eq(uploads.id, id), eq(uploads.ownerUserId, actor.userId), inArray(uploads.purpose, [BOPA_UPLOAD_PURPOSES[field]])))
      : [];
    if (!own) errors[field] = [BOPA_MESSAGES[field]];
  }
  if (Object.keys(errors).length || !host) throw new RuleError(errors);
  const late = isLateApplication(answers.periodFrom, today);

  return db.transaction(async (tx) => {
    const year = Number(today.slice(0, 4));
    const reference = formatBopaReference(host.code, year, await nextSequence(tx, host.id, BOPA_SEQUENCE_KIND, year));
    const [application] = await tx
      .insert(bopaApplications)
      .values({
        reference,
        organisationId: answers.organisationId,
        hostAuthorityId: host.id,
        status: "submitted",
        performances: answers.performances.trim(),
        periodFrom: answers.periodFrom,
        periodTo: answers.periodTo,
        venues: answers.venues.trim(),
        childrenCount: answers.childrenCount,
        youngestAge: answers.youngestAge,
        oldestAge: answers.oldestAge,
        safeguardingLeadName: answers.safeguardingLeadName.trim(),
        safeguardingLeadEmail: answers.safeguardingLeadEmail.trim(),
        safeguardingLeadPhone: answers.safeguardingLeadPhone.trim(),
        policyUploadId: answers.policyUploadId!,
        riskAssessmentUploadId: answers.riskAssessmentUploadId!,
        chaperoneArrangements: answers.chaperoneArrangements.trim(),
        noPaymentConfirmed: true,
        late,
        submittedByUserId: actor.userId!,
        submittedAt: now,
        updatedAt: now,
      })
      .returning({ id: bopaApplications.id });
    await recordAudit(tx, actor, {
      action: "bopa.submitted",
      recordType: "bopa-application",
      recordId: application.id,
      after: {
        status: "submitted",
        reference,
        host: host.name,
        periodFrom: answers.periodFrom,
        periodTo: answers.periodTo,
        late,
        summary: `${reference} to ${host.name}${late ? ` (less than ${BOPA_RULES["BOPA-21"].days} days before the first performance)` : ""}`,
      },
    });
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, answers.organisationId));
    const [submitter] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, actor.userId!));
    const outboxId = await queueEmail(tx, submitter.email, "bopa-submitted", {
      name: submitter.name,
      reference,
      organisationName: organisation.name,
      authorityName: host.name,
      periodFrom: answers.periodFrom,
      periodTo: answers.periodTo,
      late,
      lateDays: BOPA_RULES["BOPA-21"].days,
      url: `${baseUrl}/producer/bopa/${application.id}`,
    });
    return { id: application.id, reference, late, outboxIds: [outboxId] };
  });
}
