import { eq } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { findCoveringBopa } from "../bopa/findCoveringBopa";
import { ageOn } from "../calendar/dates";
import { listCast } from "../children/access";
import { loadOwnProduction } from "../productions/access";

/** What the producer's "record exempt performances" page needs: the production, its cast and any BOPA covering it. */
export async function getExemptRecordingForm(db: Db, actor: Actor, productionId: string) {
  const production = await loadOwnProduction(db, actor, productionId);
  const [[organisation], [host], cast, bopa] = await Promise.all([
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, production.organisationId)),
    db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, production.hostAuthorityId)),
    listCast(db, production.id),
    findCoveringBopa(db, production.organisationId, production.hostAuthorityId, [production.firstDate, production.lastDate]),
  ]);
  return {
    production: {
      id: production.id,
      title: production.title,
      firstDate: production.firstDate,
      lastDate: production.lastDate,
      paid: production.paid,
      broadcast: production.broadcast,
    },
    organisationName: organisation.name,
    hostName: host.name,
    bopaReference: bopa?.approvalReference ?? null,
    cast: cast.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}`, age: ageOn(c.dateOfBirth, production.firstDate) })),
  };
}
