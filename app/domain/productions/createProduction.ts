import { PRODUCTION_KINDS, type ProductionKind, productions } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { isIsoDate } from "../calendar/dates";
import { ForbiddenError, RuleError } from "../errors";
import { can } from "../identity/capabilities";
import { checkVenue, type VenueInput } from "./venues";

export type ProductionInput = VenueInput & {
  organisationId: string;
  title: string;
  kind: string;
  paid: boolean;
  broadcast: boolean;
  firstDate: string;
  lastDate: string;
};

export const PRODUCTION_TEXT_MAX = 200;

/** A producer records a production of their organisation; the host authority comes from the venue's postcode. */
export async function createProduction(db: Db, actor: Actor, input: ProductionInput, now = new Date()) {
  if (!can(actor, "producer:use", { organisationId: input.organisationId })) throw new ForbiddenError();
  const errors: Record<string, string[]> = {};
  const title = input.title?.trim() ?? "";
  if (!title) errors.title = ["Enter the name of the production"];
  else if (title.length > PRODUCTION_TEXT_MAX) errors.title = [`The name of the production must be ${PRODUCTION_TEXT_MAX} characters or fewer`];
  if (!PRODUCTION_KINDS.includes(input.kind as ProductionKind)) errors.kind = ["Select the type of production"];
  const venue = await checkVenue(db, input);
  Object.assign(errors, venue.errors);
  const { name: venueName, postcode: venuePostcode, hostAuthorityId } = venue;
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
