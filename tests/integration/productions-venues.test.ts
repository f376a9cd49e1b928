import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { productionVenues } from "#db/schema/children";
import { NotFoundError } from "~/domain/errors";
import { addProductionVenue } from "~/domain/productions/addProductionVenue";
import { getProduction } from "~/domain/productions/getProduction";
import { action as addVenueAction, loader as addVenueLoader } from "~/routes/producer.productions.$productionId.add-venue";
import { loader as productionLoader } from "~/routes/producer.productions.$productionId._index";
import { actorFor, auditFor, createAuthority, createOrganisation, createProduction, createUser } from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, ruleErrors, run, signedIn, TOKEN } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext();
const NOW = new Date("2027-01-10T10:00:00Z");

/** Footlights' "Annie" opens at the Northmere Playhouse; Rival Stage is another producer. */
async function world() {
  const northmere = await createAuthority(db(), { code: "NMC", name: "Northmere Council", postcodeDistricts: ["NM1"] });
  const eastbrook = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council", postcodeDistricts: ["EB1"] });
  const company = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const rival = await createOrganisation(db(), { kind: "producer", name: "Rival Stage Ltd" });
  const producerUser = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  const rivalUser = await createUser(db(), { name: "Rita Rival", memberships: [{ role: "producer", organisationId: rival.id }] });
  const production = await createProduction(db(), {
    organisationId: company.id,
    hostAuthorityId: northmere.id,
    createdByUserId: producerUser.id,
    title: "Annie",
    venueName: "Northmere Playhouse",
    venuePostcode: "NM1 1AA",
  });
  return {
    northmere,
    eastbrook,
    production,
    producerUser,
    rivalUser,
    producer: actorFor(producerUser, [{ role: "producer", organisationId: company.id }]),
    rivalProducer: actorFor(rivalUser, [{ role: "producer", organisationId: rival.id }]),
  };
}

const venue = (overrides = {}) => ({ venueName: " Eastbrook Arena ", venuePostcode: "eb1 2cd", ...overrides });

describe("addProductionVenue", () => {
  it("adds a venue with its council from the postcode, audited; the production lists its venues main one first", async () => {
    const w = await world();
    const { venueId } = await addProductionVenue(db(), w.producer, w.production.id, venue(), NOW);
    const [row] = await db().select().from(productionVenues).where(eq(productionVenues.id, venueId));
    expect(row).toMatchObject({ productionId: w.production.id, name: "Eastbrook Arena", postcode: "EB1 2CD", hostAuthorityId: w.eastbrook.id });
    const [event] = (await auditFor(db(), "production", w.production.id)).filter((e) => e.action === "production.venue-added");
    expect(event.after).toEqual({ venueId, name: "Eastbrook Arena", postcode: "EB1 2CD", hostAuthorityId: w.eastbrook.id });
    const { production } = await getProduction(db(), w.producer, w.production.id);
    expect(production.venues.map((v) => [v.id, v.name, v.postcode, v.hostAuthorityName, v.main])).toEqual([
      ["main", "Northmere Playhouse", "NM1 1AA", "Northmere Council", true],
      [venueId, "Eastbrook Arena", "EB1 2CD", "Eastbrook City Council", false],
    ]);
  });

  it("asks for the council when the postcode doesn't say, and won't add the same venue twice", async () => {
    const w = await world();
    expect(await ruleErrors(addProductionVenue(db(), w.producer, w.production.id, venue({ venuePostcode: "ZZ1 1ZZ" }), NOW))).toEqual({
      hostAuthorityId: ["Select the council where the venue is"],
    });
    expect(await ruleErrors(addProductionVenue(db(), w.producer, w.production.id, { venueName: "", venuePostcode: "not a postcode" }, NOW))).toEqual({
      venueName: ["Enter the name of the venue"],
      venuePostcode: ["Enter a full UK postcode, like NM1 2AB"],
    });
    await addProductionVenue(db(), w.producer, w.production.id, venue({ venuePostcode: "ZZ1 1ZZ", hostAuthorityId: w.eastbrook.id }), NOW);
    expect(await ruleErrors(addProductionVenue(db(), w.producer, w.production.id, venue({ venueName: "eastbrook arena", venuePostcode: "zz11zz", hostAuthorityId: w.eastbrook.id }), NOW))).toEqual({
      venueName: ["Eastbrook Arena is already one of this production's venues"],
    });
    expect(await ruleErrors(addProductionVenue(db(), w.producer, w.production.id, venue({ venueName: "Northmere Playhouse", venuePostcode: "NM1 1AA" }), NOW))).toEqual({
      venueName: ["Northmere Playhouse is already one of this production's venues"],
    });
    expect(await db().select().from(productionVenues)).toHaveLength(1);
  });

  it("is not found for another organisation's producer", async () => {
    const w = await world();
    await expect(addProductionVenue(db(), w.rivalProducer, w.production.id, venue(), NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addProductionVenue(db(), w.producer, "not-an-id", venue(), NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().select().from(productionVenues)).toEqual([]);
    expect((await auditFor(db(), "production", w.production.id)).map((e) => e.action)).toEqual([]);
  });
});

describe("the add another venue page", () => {
  const url = (id: string) => `http://localhost/producer/productions/${id}/add-venue`;
  const post = (id: string, cookie: string, fields: Record<string, string>) =>
    new Request(url(id), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams({ csrf: TOKEN, ...fields }),
    });

  it("shows GOV.UK errors, asks for the council for an unknown postcode, then adds the venue and lists it on the production", async () => {
    const w = await world();
    const cookie = await signedIn(w.producerUser);
    const params = { productionId: w.production.id };
    const empty = await run(addVenueAction({ request: post(w.production.id, cookie, {}), context, params }));
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toEqual({ venueName: ["Enter the name of the venue"], venuePostcode: ["Enter the venue's postcode"] });
    const unknown = await run(addVenueAction({ request: post(w.production.id, cookie, { venueName: "Eastbrook Arena", venuePostcode: "ZZ1 1ZZ" }), context, params }));
    expect((await unknown.json()).error).toEqual({ hostAuthorityId: ["Select the council where the venue is"] });
    const added = await run(
      addVenueAction({
        request: post(w.production.id, cookie, { venueName: "Eastbrook Arena", venuePostcode: "ZZ1 1ZZ", hostAuthorityId: w.eastbrook.id }),
        context,
        params,
      }),
    );
    expect(added.status).toBe(302);
    expect(added.headers.get("Location")).toBe(`/producer/productions/${w.production.id}?venue=1`);
    const page = await run(productionLoader({ request: new Request(`http://localhost/producer/productions/${w.production.id}?venue=1`, { headers: { Cookie: cookie } }), context, params }));
    const data = await page.json();
    expect(data.banner).toBe("The venue has been added.");
    expect(data.production.venues.map((v: { name: string; hostAuthorityName: string }) => [v.name, v.hostAuthorityName])).toEqual([
      ["Northmere Playhouse", "Northmere Council"],
      ["Eastbrook Arena", "Eastbrook City Council"],
    ]);
  });

  it("is not found for another organisation's producer", async () => {
    const w = await world();
    const cookie = await signedIn(w.rivalUser);
    const params = { productionId: w.production.id };
    expect((await run(addVenueLoader({ request: new Request(url(w.production.id), { headers: { Cookie: cookie } }), context, params }))).status).toBe(404);
    const posted = await run(addVenueAction({ request: post(w.production.id, cookie, { venueName: "Eastbrook Arena", venuePostcode: "EB1 2CD" }), context, params }));
    expect(posted.status).toBe(404);
    expect(await db().select().from(productionVenues)).toEqual([]);
  });
});
