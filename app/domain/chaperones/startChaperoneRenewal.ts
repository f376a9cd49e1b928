import { formatDate } from "~/domain/calendar/dates";
import { and, desc, eq, inArray } from "drizzle-orm";
import { chaperoneApplications } from "#db/schema/chaperones";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { RuleError } from "../errors";
import { assertApplicant, OPEN_STATUSES } from "./applicantScope";
import { getMyChaperoneApproval } from "./getMyChaperoneApproval";

/**
 * A chaperone with a valid approval starts renewing it: a draft application that renews that licence
 * (`renewsDocumentId`, so the new approval starts the day after the old one ends), with every answer copied from
 * the application that was granted — except the DBS certificate and the referees, which must be given again.
 * If they already have an open application, that one is returned instead.
 */
export async function startChaperoneRenewal(db: Db, actor: Actor, { now = new Date() }: { now?: Date } = {}) {
  assertApplicant(actor);
  const today = londonDate(now);
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for("update");
    const [open] = await tx
      .select({ id: chaperoneApplications.id, status: chaperoneApplications.status })
      .from(chaperoneApplications)
      .where(and(eq(chaperoneApplications.applicantUserId, actor.userId), inArray(chaperoneApplications.status, OPEN_STATUSES)))
      .orderBy(desc(chaperoneApplications.createdAt))
      .limit(1);
    if (open) return { applicationId: open.id, created: false, status: open.status };

    const approval = await getMyChaperoneApproval(tx, actor, today);
    if (!approval) throw RuleError.field("", "You do not have a valid chaperone approval to renew. Start a new application instead");
    if (!approval.canRenew) throw RuleError.field("", `You can renew your approval from ${formatDate(approval.renewalOpensOn)}`);

    const mine = eq(chaperoneApplications.applicantUserId, actor.userId);
    const granted = await tx
      .select()
      .from(chaperoneApplications)
      .where(and(mine, eq(chaperoneApplications.status, "granted")))
      .orderBy(desc(chaperoneApplications.decidedAt));
    const last = granted.find((a) => a.licenceDocumentId === approval.id) ?? granted[0];

    const [application] = await tx
      .insert(chaperoneApplications)
      .values({
        applicantUserId: actor.userId,
        renewsDocumentId: approval.id,
        ...(last
          ? {
              authorityId: last.authorityId,
              firstName: last.firstName,
              lastName: last.lastName,
              otherNames: last.otherNames,
              dateOfBirth: last.dateOfBirth,
              phone: last.phone,
              addressLine1: last.addressLine1,
              addressLine2: last.addressLine2,
              town: last.town,
              postcode: last.postcode,
              photoUploadId: last.photoUploadId,
              identityUploadIds: last.identityUploadIds,
              identityDocumentTypes: last.identityDocumentTypes,
              trainingDate: last.trainingDate,
              trainingProvider: last.trainingProvider,
              trainingUploadId: last.trainingUploadId,
              hasConvictions: last.hasConvictions,
              convictionDetails: last.convictionDetails,
              hasOtherCouncilDecisions: last.hasOtherCouncilDecisions,
              otherCouncilDetails: last.otherCouncilDetails,
              // The declaration is made afresh for every application.
              declarationConfirmed: null,
            }
          : {}),
      })
      .returning({ id: chaperoneApplications.id, status: chaperoneApplications.status });
    await recordAudit(tx, actor, {
      action: "chaperone-application.renewal-started",
      recordType: "chaperone-application",
      recordId: application.id,
      after: { status: application.status, renews: approval.reference, copiedFrom: last?.reference ?? null, startsOn: approval.renewalStartsOn },
    });
    return { applicationId: application.id, created: true, status: application.status };
  });
}
