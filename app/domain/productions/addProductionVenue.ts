import { productionVenues } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { loadOwnProduction } from "./access";
import { checkVenue, listVenues, type VenueInput } from "./venues";

/** Venues a production may have, the main one included. */
const MAX_VENUES = 20;

/**
 * A producer adds another venue to a production of their organisation (issue 6). Its host authority comes
 * from the postcode, as for the main venue; each schedule day then says which venue the child is at.
 */
export async function addProductionVenue(db: Db, actor: Actor, productionId: string, input: VenueInput, now = new Date()) {
  const production = await loadOwnProduction(db, actor, productionId);
  const venue = await checkVenue(db, input);
  const errors = venue.errors;
  const venues = await listVenues(db, production);
  const same = venues.find((v) => v.name.toLowerCase() === venue.name.toLowerCase() && v.postcode === venue.postcode);
  if (same && !errors.venueName && !errors.venuePostcode) errors.venueName = [`${same.name} is already one of this production's venues`];
  if (venues.length >= MAX_VENUES) errors[""] = [`A production can have at most ${MAX_VENUES} venues`];
  if (Object.keys(errors).length) throw new RuleError(errors);

  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(productionVenues)
      .values({ productionId: production.id, name: venue.name, postcode: venue.postcode, hostAuthorityId: venue.hostAuthorityId!, createdAt: now })
      .returning({ id: productionVenues.id });
    await recordAudit(tx, actor, {
      action: "production.venue-added",
      recordType: "production",
      recordId: production.id,
      after: { venueId: row.id, name: venue.name, postcode: venue.postcode, hostAuthorityId: venue.hostAuthorityId },
    });
    return { venueId: row.id };
  });
}
