import { formatMomentDate, londonDate } from "../calendar/dates";
import { eq } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { chaperoneApplications, chaperoneReferees } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { nextSequence } from "../documents/nextSequence";
import { RuleError } from "../errors";
import { newToken } from "../identity/tokens";
import { queueEmail } from "../notifications/queueEmail";
import { answersOf, applicantOf, assertApplicant, ownApplication, refereesOf } from "./applicantScope";
import { CHAPERONE_RULES } from "./rules";
import { incompleteSections } from "./sections";
import { assertTransition, isEditable } from "./states";

/** The kind under which application numbers are counted (same gap-free counter as documents). */
const APPLICATION_SEQUENCE_KIND = "chaperone-application";

function formatApplicationReference(authorityCode: string, year: number, sequence: number) {
  return `${authorityCode}-CA-${year}-${String(sequence).padStart(6, "0")}`;
}


/**
 * The applicant sends their application to the council where they live. Every section must be complete and
 * pass the CHAPLIC rules on the day it is sent (a DBS certificate can age out while a draft waits). Gives the
 * reference (kept when sent again after the council asked for more information), emails each referee who has
 * not yet answered a link that works for 14 days (only its hash is stored), and emails the applicant.
 *
 * Safe to repeat (decision 028): the application's row is locked, so of two sends at once (a double-click, a
 * network retry, on any app process) the second waits and then finds it already sent; a send replayed later finds
 * the same. Either way it answers `alreadySubmitted` with the reference and changes nothing: one reference, one
 * set of emails, one audit row.
 */
export async function submitChaperoneApplication(db: Db, actor: Actor, baseUrl: string, { applicationId, now = new Date() }: { applicationId?: string; now?: Date } = {}) {
  assertApplicant(actor);
  const today = londonDate(now);
  return db.transaction(async (tx) => {
    const application = await ownApplication(tx, actor, { applicationId, lock: true });
    if (!isEditable(application.status) && application.reference) {
      return { applicationId: application.id, reference: application.reference, outboxIds: [] as string[], alreadySubmitted: true };
    }
    const status = assertTransition(application.status, "submit");
    const referees = await refereesOf(tx, application.id);
    const applicant = await applicantOf(tx, application);
    const incomplete = incompleteSections(answersOf(application, referees, applicant.email), today);
    if (Object.keys(incomplete).length) {
      throw new RuleError(Object.fromEntries(Object.entries(incomplete).map(([section, message]) => [section, [message]])));
    }
    const [authority] = await tx.select().from(authorities).where(eq(authorities.id, application.authorityId!));

    let reference = application.reference;
    if (!reference) {
      const year = Number(today.slice(0, 4));
      reference = formatApplicationReference(authority.code, year, await nextSequence(tx, authority.id, APPLICATION_SEQUENCE_KIND, year));
    }
    const submittedAt = application.submittedAt ?? now;
    await tx
      .update(chaperoneApplications)
      .set({ status, reference, submittedAt, updatedAt: now })
      .where(eq(chaperoneApplications.id, application.id));

    const applicantName = `${application.firstName} ${application.lastName}`;
    const days = CHAPERONE_RULES["CHAPLIC-REFERENCE-LINK"].days;
    const expiresAt = new Date(now.getTime() + days * 86400_000);
    const outboxIds: string[] = [];
    const requested: { position: number; email: string }[] = [];
    for (const referee of referees) {
      if (referee.submittedAt) continue;
      const { token, hash } = newToken();
      await tx.update(chaperoneReferees).set({ tokenHash: hash, tokenExpiresAt: expiresAt, requestedAt: now }).where(eq(chaperoneReferees.id, referee.id));
      outboxIds.push(
        await queueEmail(tx, referee.email, "chaperone-reference-request", {
          name: referee.name,
          applicantName,
          relationship: referee.relationship,
          authorityName: authority.name,
          url: `${baseUrl}/chaperone-references/${token}`,
          expiresInDays: days,
          expiresOn: formatMomentDate(expiresAt),
        }),
      );
      requested.push({ position: referee.position, email: referee.email });
    }
    outboxIds.push(
      await queueEmail(tx, applicant.email, "chaperone-application-submitted", {
        name: applicantName,
        reference,
        authorityName: authority.name,
        refereeNames: referees.map((r) => r.name),
        url: `${baseUrl}/chaperone`,
      }),
    );
    await recordAudit(tx, actor, {
      action: "chaperone-application.submitted",
      recordType: "chaperone-application",
      recordId: application.id,
      before: { status: application.status, reference: application.reference },
      after: { status, reference, authorityId: authority.id, referencesRequested: requested, referenceLinksExpireAt: expiresAt.toISOString() },
    });
    return { applicationId: application.id, reference, outboxIds, alreadySubmitted: false };
  });
}
