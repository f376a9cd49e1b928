import { eq, inArray } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ageOn } from "../calendar/dates";
import { listCast } from "../children/access";
import { loadOwnProduction } from "./access";
import { listVenues } from "./venues";

/** A production for its producer: the details, its venues (the main one first), and the children parents have shared with it (age on the first date, home council). */
export async function getProduction(db: Db, actor: Actor, productionId: string) {
  const production = await loadOwnProduction(db, actor, productionId);
  const cast = await listCast(db, production.id);
  const authorityIds = [...new Set([production.hostAuthorityId, ...cast.map((c) => c.homeAuthorityId)])];
  const [[organisation], councils, venues] = await Promise.all([
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, production.organisationId)),
    db.select({ id: authorities.id, name: authorities.name }).from(authorities).where(inArray(authorities.id, authorityIds)),
    listVenues(db, production),
  ]);
  const council = (id: string) => councils.find((c) => c.id === id)?.name ?? "";
  return {
    production: { ...production, organisationName: organisation?.name ?? "", hostAuthorityName: council(production.hostAuthorityId), venues },
    cast: cast.map((c) => ({
      id: c.id,
      name: `${c.firstName} ${c.lastName}`,
      ageOnFirstDate: ageOn(c.dateOfBirth, production.firstDate),
      homeAuthorityName: council(c.homeAuthorityId),
      sharedAt: c.sharedAt?.toISOString() ?? null,
    })),
  };
}
