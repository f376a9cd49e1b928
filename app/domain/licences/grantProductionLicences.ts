import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ForbiddenError, NotFoundError, RuleError } from "../errors";
import { dispatchEmails } from "../notifications/dispatchEmails";
import { grantPerformanceLicence, licenceConditions } from "./grantPerformanceLicence";
import { listProductionForGrant } from "./listProductionForGrant";

export type GrantProductionInput = { applicationIds: string[]; standardConditions: string[]; customConditions?: string | null };

type Named = { applicationId: string; reference: string; childName: string };
export type NotGranted = Named & { problems: string[] };

const NOT_WAITING = "The application is no longer waiting for a decision";

/**
 * An officer grants the chosen applications of one production together, with the same conditions. Each licence is
 * granted exactly as on its own page (every rule checked again) in its own transaction, so each is either fully
 * issued – signed PDF, register entry, licensed days, audit row and emails queued – or not at all, and one
 * child's problem never holds up the others. Each licence's emails are sent on as soon as it commits. Applications
 * that must be decided on their own page (see DECIDE_ALONE), or are no longer open, are reported, not granted.
 */
export async function grantProductionLicences(db: Db, actor: Actor, productionId: string, input: GrantProductionInput, baseUrl: string, now = new Date()) {
  const { errors } = licenceConditions(input);
  if (!input.applicationIds.length) errors.applicationIds = ["Select the applications to grant"];
  if (Object.keys(errors).length) throw new RuleError(errors);

  const { applications } = await listProductionForGrant(db, actor, productionId);
  const byId = new Map(applications.map((a) => [a.id, a]));
  const granted: (Named & { licence: string })[] = [];
  const notGranted: NotGranted[] = [];
  for (const applicationId of [...new Set(input.applicationIds)]) {
    const a = byId.get(applicationId);
    if (!a) {
      notGranted.push({ applicationId, reference: "Unknown", childName: "Unknown", problems: [NOT_WAITING] });
      continue;
    }
    const named = { applicationId, reference: a.reference, childName: a.childName };
    if (a.decideAlone.length) {
      notGranted.push({ ...named, problems: a.decideAlone });
      continue;
    }
    try {
      const result = await grantPerformanceLicence(db, actor, applicationId, { standardConditions: input.standardConditions, customConditions: input.customConditions }, baseUrl, now);
      await dispatchEmails(result.outboxIds);
      granted.push({ ...named, licence: result.reference });
    } catch (error) {
      if (error instanceof RuleError) notGranted.push({ ...named, problems: Object.values(error.fieldErrors).flat() });
      else if (error instanceof NotFoundError || error instanceof ForbiddenError) notGranted.push({ ...named, problems: [NOT_WAITING] });
      else throw error;
    }
  }
  return { granted, notGranted };
}
