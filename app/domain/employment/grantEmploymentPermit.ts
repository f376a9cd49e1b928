import { eq } from "drizzle-orm";
import { employmentPermits } from "#db/schema/employment";
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
import { permitForOfficer } from "./access";
import { permitChecks } from "./permitChecks";
import { occupationText, permitParties } from "./permitParties";
import { PERMIT_RECORD } from "./permitParty";
import { PATTERN_HEAD, PERMIT_CONDITION_MAX, PERMIT_CONDITIONS_MAX, PERMIT_STANDARD_CONDITIONS, patternRows } from "./permitSchedule";
import type { EmploymentOptions } from "./rules";
import { assertPermitTransition } from "./states";
import { withLocalLimits } from "./localLimits";

export type GrantPermitInput = {
  /** The officer's own conditions, one per line, printed after the standard ones. */
  customConditions?: string | null;
};

const IMAGE_TYPES: Record<string, Image["type"]> = { "image/jpeg": "jpeg", "image/png": "png" };

/** The conditions printed on the permit: the standard ones, then the officer's own. */
function permitConditions(customConditions?: string | null) {
  const custom = (customConditions ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (custom.some((line) => line.length > PERMIT_CONDITION_MAX)) throw RuleError.field("customConditions", `Each condition must be ${PERMIT_CONDITION_MAX} characters or fewer`);
  if (custom.length > PERMIT_CONDITIONS_MAX) throw RuleError.field("customConditions", `Enter ${PERMIT_CONDITIONS_MAX} conditions or fewer`);
  return [...PERMIT_STANDARD_CONDITIONS, ...custom];
}

/**
 * An officer of the authority where the work happens grants the permit. The EMPLOY-* rules are checked again now
 * (with the rules in force from `options`): a prohibited job, hours outside the limits or a child past the school
 * leaving date stop the grant. Then, in one transaction: the signed permit with the child's permit card is issued
 * to the employer's business (valid from the start date, or today if later, to the child's school leaving date),
 * the permit is marked granted, the decision is audited, and the employer and the parent are emailed the
 * document's link and where anyone can check it.
 */
export async function grantEmploymentPermit(
  db: Db,
  actor: Actor,
  permitId: string,
  input: GrantPermitInput,
  baseUrl: string,
  now = new Date(),
  options: EmploymentOptions = {},
) {
  const found = await permitForOfficer(db, actor, permitId);
  if (!found.authorityId || !can(actor, "document:issue", { authorityId: found.authorityId })) throw new ForbiddenError();
  const conditions = permitConditions(input.customConditions);

  return db.transaction(async (tx) => {
    const permit = await permitForOfficer(tx, actor, permitId, { lock: true });
    const status = assertPermitTransition(permit.status, "grant");
    const parties = await permitParties(tx, permit);
    const checks = permitChecks(permit, parties.child, londonDate(now), await withLocalLimits(tx, permit.authorityId, options));
    if (checks.problems.length) throw new RuleError({ "": checks.problems });
    const child = parties.child!;
    const validTo = checks.validTo!;

    const [photo] = child.photoUploadId
      ? await tx.select({ bytes: uploads.bytes, contentType: uploads.contentType }).from(uploads).where(eq(uploads.id, child.photoUploadId))
      : [];
    const job = occupationText(permit.occupation);
    const document = await issueDocument(
      tx,
      actor,
      {
        kind: "employment-permit",
        authorityId: permit.authorityId!,
        holder: { name: parties.businessName, description: "Employer" },
        organisationId: permit.organisationId,
        holderEmail: parties.employers[0]?.email ?? null,
        parentUserId: permit.parentUserId,
        child: {
          name: child.name,
          dateOfBirth: child.dateOfBirth,
          photo: photo && IMAGE_TYPES[photo.contentType] ? { bytes: new Uint8Array(photo.bytes), type: IMAGE_TYPES[photo.contentType] } : undefined,
        },
        validFrom: checks.validFrom,
        validTo,
        details: [
          { label: "Employer", value: parties.businessName },
          { label: "Workplace", value: [permit.workplaceAddress, permit.workplacePostcode].filter(Boolean).join(", ") },
          { label: "Job", value: permit.jobDescription ? `${job}: ${permit.jobDescription}` : job },
          { label: "Supervisor", value: permit.supervisorName ?? "Not given" },
          { label: "Application", value: permit.reference ?? "" },
        ],
        conditions,
        schedule: { caption: "Usual hours", head: PATTERN_HEAD, rows: patternRows(permit.termPattern, permit.holidayPattern) },
      },
      baseUrl,
      now,
    );
    await tx
      .update(employmentPermits)
      .set({ status, documentId: document.id, endsOn: validTo, decidedAt: now, decidedByUserId: actor.userId, updatedAt: now })
      .where(eq(employmentPermits.id, permit.id));
    await recordAudit(tx, actor, {
      action: "employment-permit.granted",
      recordType: PERMIT_RECORD,
      recordId: permit.id,
      before: { status: permit.status },
      after: { status, permit: document.reference, validFrom: checks.validFrom, validTo, conditions, summary: document.reference },
    });

    const common = {
      reference: document.reference,
      applicationReference: permit.reference ?? "",
      childName: child.name,
      businessName: parties.businessName,
      job,
      authorityName: parties.authorityName,
      validFrom: checks.validFrom,
      validTo,
      conditions,
      url: `${baseUrl}/documents/${document.reference}.pdf`,
      verifyUrl: `${baseUrl}/verify/${document.reference}`,
    };
    const outboxIds: string[] = [];
    for (const employer of parties.employers) {
      outboxIds.push(await queueEmail(tx, employer.email, "permit-granted", { ...common, name: employer.name, audience: "employer" }));
    }
    if (parties.parent) outboxIds.push(await queueEmail(tx, parties.parent.email, "permit-granted", { ...common, name: parties.parent.name, audience: "parent" }));
    return { status, reference: document.reference, documentId: document.id, outboxIds };
  });
}
