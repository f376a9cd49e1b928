import { asc, eq, inArray } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { productionVenues } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import { findAuthorityForPostcode } from "../authorities/findAuthorityForPostcode";
import { knownAuthority } from "../children/childDetails";
import { isPostcode, normalisePostcode } from "../children/rules";

const VENUE_NAME_MAX = 200;

/** How forms and schedule days name the production's main venue (its row in schedule_days has no venueId). */
export const MAIN_VENUE = "main";

export type VenueInput = {
  venueName: string;
  venuePostcode: string;
  /** The council the producer picked, used only when the venue's postcode doesn't tell us. */
  hostAuthorityId?: string | null;
};

/** A venue's name and postcode as typed, and its host authority from the postcode (or the council picked when the postcode doesn't say). */
export async function checkVenue(db: Db, input: VenueInput) {
  const errors: Record<string, string[]> = {};
  const name = input.venueName?.trim() ?? "";
  const postcode = normalisePostcode(input.venuePostcode ?? "");
  if (!name) errors.venueName = ["Enter the name of the venue"];
  else if (name.length > VENUE_NAME_MAX) errors.venueName = [`The name of the venue must be ${VENUE_NAME_MAX} characters or fewer`];
  let hostAuthorityId: string | null = null;
  if (!postcode) errors.venuePostcode = ["Enter the venue's postcode"];
  else if (!isPostcode(postcode)) errors.venuePostcode = ["Enter a full UK postcode, like NM1 2AB"];
  else {
    hostAuthorityId = (await findAuthorityForPostcode(db, postcode))?.id ?? (await knownAuthority(db, input.hostAuthorityId));
    if (!hostAuthorityId) errors.hostAuthorityId = ["Select the council where the venue is"];
  }
  return { errors, name, postcode, hostAuthorityId };
}

type Production = { id: string; venueName: string; venuePostcode: string; hostAuthorityId: string };

export type Venue = { id: string; name: string; postcode: string; hostAuthorityId: string; hostAuthorityName: string; main: boolean };

/** A production's venues with their councils: the main venue first (id MAIN_VENUE), then the others in the order they were added. */
export async function listVenues(db: Db, production: Production): Promise<Venue[]> {
  const extra = await db
    .select()
    .from(productionVenues)
    .where(eq(productionVenues.productionId, production.id))
    .orderBy(asc(productionVenues.createdAt), asc(productionVenues.name));
  const ids = [...new Set([production.hostAuthorityId, ...extra.map((v) => v.hostAuthorityId)])];
  const councils = await db.select({ id: authorities.id, name: authorities.name }).from(authorities).where(inArray(authorities.id, ids));
  const council = (id: string) => councils.find((c) => c.id === id)?.name ?? "";
  return [
    {
      id: MAIN_VENUE,
      name: production.venueName,
      postcode: production.venuePostcode,
      hostAuthorityId: production.hostAuthorityId,
      hostAuthorityName: council(production.hostAuthorityId),
      main: true,
    },
    ...extra.map((v) => ({ id: v.id, name: v.name, postcode: v.postcode, hostAuthorityId: v.hostAuthorityId, hostAuthorityName: council(v.hostAuthorityId), main: false })),
  ];
}

/** The venue of a schedule day (a null venueId is the main venue). */
export const venueOfDay = (venues: Venue[], venueId: string | null) => venues.find((v) => v.id === (venueId ?? MAIN_VENUE)) ?? venues[0];

/** "Northmere Playhouse, NM1 1AA" */
export const venueText = (v: { name: string; postcode: string }) => `${v.name}, ${v.postcode}`;

/** The host authorities of some days' venues, each once. */
export function dayHostAuthorities(venues: Venue[], days: { venueId: string | null }[]) {
  return [...new Set(days.map((d) => venueOfDay(venues, d.venueId).hostAuthorityId))];
}
