import { asc, eq } from "drizzle-orm";
import { chaperoneApplications, chaperoneReferees } from "#db/schema/chaperones";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import type { Image } from "../documents/content";
import { issueDocument } from "../documents/issueDocument";
import { londonDate } from "../calendar/dates";
import { ForbiddenError, RuleError } from "../errors";
import { can } from "../identity/capabilities";
import { queueEmail } from "../notifications/queueEmail";
import { CHAPERONE_CHECKS, missingForGrant } from "./checks";
import { applicantContact } from "./notifyApplicant";
import { applicantName, applicationForOfficer, defaultStartDate, licenceYears } from "./officerScope";
import { addMonths, CHAPERONE_RULES, licencePeriod } from "./rules";
import { assertTransition } from "./states";

export type GrantInput = {
  /** YYYY-MM-DD; defaults to today (or, for a renewal, the day after the current licence ends). */
  startDate?: string | null;
  /** Limits on the children the chaperone may look after (ages or sex), printed on the licence. */
  restrictions?: string | null;
};

/** How far ahead a licence may be dated to start. */
const LATEST_START_MONTHS = 6;

const IMAGE_TYPES: Record<string, Image["type"]> = { "image/jpeg": "jpeg", "image/png": "png" };

/**
 * An officer of the application's authority approves the chaperone once every check is recorded as
 * satisfactory and both references are judged satisfactory. The signed chaperone licence with its photo ID
 * card is issued through the document service (valid for the authority's number of years from the start
 * date), linked to the application, and the applicant is emailed — all in one transaction.
 */
export async function grantChaperoneLicence(db: Db, actor: Actor, applicationId: string, input: GrantInput, baseUrl: string, now = new Date()) {
  const found = await applicationForOfficer(db, actor, applicationId);
  if (!can(actor, "document:issue", { authorityId: found.authorityId })) throw new ForbiddenError();
  const today = londonDate(now);
  const startDate = input.startDate || (await defaultStartDate(db, found, today));
  if (startDate < today) throw RuleError.field("startDateDay", "The start date must be today or in the future");
  if (startDate > addMonths(today, LATEST_START_MONTHS)) throw RuleError.field("startDateDay", `The start date must be within ${LATEST_START_MONTHS} months of today`);
  const restrictions = input.restrictions?.trim() || null;
  const years = await licenceYears(db, found.authorityId!);
  const { validFrom, validTo } = licencePeriod(startDate, years);

  return db.transaction(async (tx) => {
    const application = await applicationForOfficer(tx, actor, applicationId, { lock: true });
    const status = assertTransition(application.status, "grant");
    const referees = await tx
      .select()
      .from(chaperoneReferees)
      .where(eq(chaperoneReferees.applicationId, application.id))
      .orderBy(asc(chaperoneReferees.position));
    const missing = missingForGrant(
      application.checks,
      referees.map((r) => ({ name: r.name, responded: !!r.submittedAt && !!r.response, judgement: r.judgement })),
      CHAPERONE_RULES["CHAPLIC-REFEREES"].count,
    );
    const [photo] = application.photoUploadId
      ? await tx.select({ bytes: uploads.bytes, contentType: uploads.contentType }).from(uploads).where(eq(uploads.id, application.photoUploadId))
      : [];
    if (!photo || !IMAGE_TYPES[photo.contentType]) missing.push("The application needs a JPEG or PNG photograph for the ID card");
    if (missing.length) throw new RuleError({ "": missing });

    const to = await applicantContact(tx, application);
    const name = applicantName(application);
    const licence = await issueDocument(
      tx,
      actor,
      {
        kind: "chaperone-licence",
        authorityId: application.authorityId!,
        holder: { name, description: "Approved chaperone" },
        holderUserId: application.applicantUserId,
        holderEmail: to.email,
        holderPhoto: { bytes: new Uint8Array(photo!.bytes), type: IMAGE_TYPES[photo!.contentType] },
        validFrom,
        validTo,
        details: [
          { label: "Address", value: `${application.town ?? "Held by the council"} (full address held by the council)` },
          { label: "Restrictions", value: restrictions ?? "None" },
          { label: "Checks", value: `${Object.values(CHAPERONE_CHECKS).map((c) => c.label).join(", ")}; two references` },
          ...(application.reference ? [{ label: "Application", value: application.reference }] : []),
        ],
        conditions: [
          "Look after no more than 12 children at a time.",
          ...(restrictions ? [`Act as a chaperone only within these restrictions: ${restrictions}.`] : []),
          "Carry this approval and photo card when acting as a chaperone.",
          `Tell the council within ${CHAPERONE_RULES["CHAPLIC-REPORT"].days} days of any arrest, caution or conviction, serious illness, or change of name, address or phone number.`,
        ],
      },
      baseUrl,
      now,
    );
    await tx
      .update(chaperoneApplications)
      .set({ status, validFrom, validTo, restrictions, licenceDocumentId: licence.id, decidedAt: now, updatedAt: now })
      .where(eq(chaperoneApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "chaperone.granted",
      recordType: "chaperone-application",
      recordId: application.id,
      before: { status: application.status },
      after: { status, licence: licence.reference, validFrom, validTo, years, restrictions, summary: `${licence.reference}, valid ${validFrom} to ${validTo}${restrictions ? `; ${restrictions}` : ""}` },
    });
    const outboxId = await queueEmail(tx, to.email, "chaperone-approved", {
      name: to.name,
      reference: licence.reference,
      applicationReference: application.reference ?? "",
      validFrom,
      validTo,
      restrictions,
      authorityName: to.authorityName,
      url: `${baseUrl}/chaperone`,
      verifyUrl: `${baseUrl}/verify/${licence.reference}`,
    });
    return { status, reference: licence.reference, documentId: licence.id, validFrom, validTo, outboxIds: [outboxId] };
  });
}
