import { PRODUCTION_KINDS, type ProductionKind, productions } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { findAuthorityForPostcode } from "../authorities/findAuthorityForPostcode";
import { isIsoDate } from "../calendar/dates";
import { knownAuthority } from "../children/childDetails";
import { isPostcode, normalisePostcode } from "../children/rules";
import { ForbiddenError, RuleError } from "../errors";
import { can } from "../identity/capabilities";

export type ProductionInput = {
  organisationId: string;
  title: string;
  kind: string;
  paid: boolean;
  broadcast: boolean;
  venueName: string;
  venuePostcode: string;
  /** The council the producer picked, used only when the venue's postcode doesn't tell us. */
  hostAuthorityId?: string | null;
  firstDate: string;
  lastDate: string;
};

export const PRODUCTION_TEXT_MAX = 200;

/** A producer records a production of their organisation; the host authority comes from the venue's postcode. */
export async function createProduction(db: Db, actor: Actor, input: ProductionInput, now = new Date()) {
  if (!can(actor, "producer:use", { organisationId: input.organisationId })) throw new ForbiddenError();
  const errors: Record<string, string[]> = {};
  const title = input.title?.trim() ?? "";
  const venueName = input.venueName?.trim() ?? "";
  const venuePostcode = normalisePostcode(input.venuePostcode ?? "");
  if (!title) errors.title = ["Enter the name of the production"];
  else if (title.length > PRODUCTION_TEXT_MAX) errors.title = [`The name of the production must be ${PRODUCTION_TEXT_MAX} characters or fewer`];
  if (!PRODUCTION_KINDS.includes(input.kind as ProductionKind)) errors.kind = ["Select the type of production"];
  if (!venueName) errors.venueName = ["Enter the name of the venue"];
  else if (venueName.length > PRODUCTION_TEXT_MAX) errors.venueName = [`The name of the venue must be ${PRODUCTION_TEXT_MAX} characters or fewer`];
  let hostAuthorityId: string | null = null;
  if (!venuePostcode) errors.venuePostcode = ["Enter the venue's postcode"];
  else if (!isPostcode(venuePostcode)) errors.venuePostcode = ["Enter a full UK postcode, like NM1 2AB"];
  else {
    hostAuthorityId = (await findAuthorityForPostcode(db, venuePostcode))?.id ?? (await knownAuthority(db, input.hostAuthorityId));
    if (!hostAuthorityId) errors.hostAuthorityId = ["Select the council where the venue is"];
  }
  if (!isIsoDate(input.firstDate ?? "")) errors.firstDateDay = ["Enter the first date"];
  if (!isIsoDate(input.lastDate ?? "")) errors.lastDateDay = ["Enter the last date"];
  else if (isIsoDate(input.firstDate ?? "") && input.lastDate < input.firstDate) errors.lastDateDay = ["The last date must be the same as or after the first date"];
  if (Object.keys(errors).length) throw new RuleError(errors);

  return db.transaction(async (tx) => {
    const [production] = await tx
      .insert(productions)
      .values({
        organisationId: input.organisationId,
        title,
        kind: input.kind as ProductionKind,
        paid: input.paid,
        broadcast: input.broadcast,
        venueName,
        venuePostcode,
        hostAuthorityId: hostAuthorityId!,
        firstDate: input.firstDate,
        lastDate: input.lastDate,
        createdByUserId: actor.userId!,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: productions.id });
    await recordAudit(tx, actor, {
      action: "production.created",
      recordType: "production",
      recordId: production.id,
      after: { organisationId: input.organisationId, title, kind: input.kind, hostAuthorityId, firstDate: input.firstDate, lastDate: input.lastDate },
    });
    return { productionId: production.id };
  });
}
