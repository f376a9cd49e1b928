import { HOLD_LABEL, holdsOn } from "../safeguarding/holds";
import { eq } from "drizzle-orm";
import { bopaApplications } from "#db/schema/bopa";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { isIsoDate, londonDate } from "../calendar/dates";
import { issueDocument } from "../documents/issueDocument";
import { ForbiddenError, RuleError } from "../errors";
import { can } from "../identity/capabilities";
import { queueEmail } from "../notifications/queueEmail";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { applicantContact, applicationForOfficer } from "./access";
import { BOPA_STANDARD_CONDITIONS, periodTooLong } from "./rules";
import { assertTransition } from "./states";

export type GrantBopaInput = {
  /** Ids from BOPA_STANDARD_CONDITIONS. */
  standardConditions: string[];
  /** The officer's own conditions, one per line. */
  customConditions?: string | null;
  validFrom: string;
  validTo: string;
};

const CUSTOM_CONDITION_MAX = 500;
const CUSTOM_CONDITIONS_MAX = 20;

/** The conditions printed on the approval: the ticked standard ones in their usual order, then the officer's own. */
function grantConditions(input: Pick<GrantBopaInput, "standardConditions" | "customConditions">) {
  const errors: Record<string, string[]> = {};
  const unknown = input.standardConditions.filter((id) => !BOPA_STANDARD_CONDITIONS.some((c) => c.id === id));
  if (unknown.length) errors.standardConditions = ["Select conditions from the list"];
  const custom = (input.customConditions ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (custom.some((line) => line.length > CUSTOM_CONDITION_MAX)) errors.customConditions = [`Each condition must be ${CUSTOM_CONDITION_MAX} characters or fewer`];
  else if (custom.length > CUSTOM_CONDITIONS_MAX) errors.customConditions = [`Enter ${CUSTOM_CONDITIONS_MAX} conditions or fewer`];
  const conditions = [...BOPA_STANDARD_CONDITIONS.filter((c) => input.standardConditions.includes(c.id)).map((c) => c.text), ...custom];
  if (!conditions.length && !Object.keys(errors).length) errors.standardConditions = ["Select or enter at least one condition"];
  return { conditions, errors };
}

/**
 * An officer of the host authority grants the approval: the signed body of persons approval is issued to the
 * organisation (valid for the dates given, within the authority's longest period) with the chosen conditions,
 * the application marked granted and linked to it, audited, and the producer who applied emailed — all in one
 * transaction.
 */
export async function grantBopaApplication(db: Db, actor: Actor, applicationId: string, input: GrantBopaInput, baseUrl: string, now = new Date()) {
  const found = await applicationForOfficer(db, actor, applicationId);
  if (!can(actor, "bopa:decide", { authorityId: found.hostAuthorityId }) || !can(actor, "document:issue", { authorityId: found.hostAuthorityId })) {
    throw new ForbiddenError();
  }
  const today = londonDate(now);
  const { bopaMaxMonths } = await getAuthoritySettings(db, found.hostAuthorityId);
  const { conditions, errors } = grantConditions(input);
  if (!isIsoDate(input.validFrom ?? "")) errors.validFromDay = ["Enter the date the approval starts"];
  if (!isIsoDate(input.validTo ?? "")) errors.validToDay = ["Enter the date the approval ends"];
  else if (input.validTo < today) errors.validToDay = ["The date the approval ends must be today or in the future"];
  else if (isIsoDate(input.validFrom ?? "")) {
    if (input.validTo < input.validFrom) errors.validToDay = ["The date the approval ends must be the same as or after the date it starts"];
    else {
      const tooLong = periodTooLong(input.validFrom, input.validTo, bopaMaxMonths);
      if (tooLong) errors.validToDay = [tooLong];
    }
  }
  if ((await holdsOn(db, [found.id])).size) errors[""] = [`${HOLD_LABEL}: the approval cannot be granted while the hold is in place`];
  if (Object.keys(errors).length) throw new RuleError(errors);
  const { validFrom, validTo } = input;

  return db.transaction(async (tx) => {
    const application = await applicationForOfficer(tx, actor, applicationId, { lock: true });
    const status = assertTransition(application.status, "grant");
    const to = await applicantContact(tx, application);
    const ages = application.youngestAge === application.oldestAge ? `aged ${application.youngestAge}` : `aged ${application.youngestAge} to ${application.oldestAge}`;
    const approval = await issueDocument(
      tx,
      actor,
      {
        kind: "bopa-approval",
        authorityId: application.hostAuthorityId,
        holder: { name: to.organisationName, description: "Body of persons" },
        organisationId: application.organisationId,
        holderEmail: to.email,
        validFrom,
        validTo,
        details: [
          { label: "Performances", value: application.performances },
          { label: "Venues", value: application.venues },
          { label: "Children", value: `Up to ${application.childrenCount} ${application.childrenCount === 1 ? "child" : "children"}, ${ages}` },
          { label: "Safeguarding lead", value: application.safeguardingLeadName },
          { label: "Application", value: application.reference },
        ],
        conditions,
      },
      baseUrl,
      now,
    );
    await tx
      .update(bopaApplications)
      .set({ status, documentId: approval.id, conditions, decidedAt: now, decidedByUserId: actor.userId, updatedAt: now })
      .where(eq(bopaApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "bopa.granted",
      recordType: "bopa-application",
      recordId: application.id,
      before: { status: application.status },
      after: { status, approval: approval.reference, validFrom, validTo, conditions, summary: `${approval.reference}, valid ${validFrom} to ${validTo}` },
    });
    const outboxId = await queueEmail(tx, to.email, "bopa-granted", {
      name: to.name,
      reference: approval.reference,
      applicationReference: application.reference,
      organisationName: to.organisationName,
      authorityName: to.authorityName,
      validFrom,
      validTo,
      conditions,
      url: `${baseUrl}/producer/bopa/${application.id}`,
      verifyUrl: `${baseUrl}/verify/${approval.reference}`,
    });
    return { status, reference: approval.reference, documentId: approval.id, outboxIds: [outboxId] };
  });
}
