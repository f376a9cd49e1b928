import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { performanceDays } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import { downloadDocument } from "~/domain/documents/downloadDocument";
import { ForbiddenError } from "~/domain/errors";
import { getLicenceApplication, grantPerformanceLicence } from "~/domain/licences-officer.server";
import { copySchedule, getProducerApplication, saveScheduleDay, startLicenceApplications } from "~/domain/licences-producer.server";
import { LICENCE_STANDARD_CONDITIONS } from "~/domain/licences/rules";
import { addProductionVenue } from "~/domain/productions/addProductionVenue";
import { action as dayAction, loader as dayLoader } from "~/routes/producer.applications.$applicationId.schedule.$dayId";
import {
  actorFor,
  auditFor,
  createAuthority,
  createChild,
  createOrganisation,
  createPerformanceApplication,
  createProduction,
  createProductionVenue,
  createUsedShare,
  createUser,
  outboxFor,
} from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, ruleErrors, run, signedIn, TOKEN } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext();
const BASE = "http://portal.test";
const NOW = new Date("2027-02-01T10:00:00Z");

/**
 * Footlights' "Spring showcase" opens at the Northmere Playhouse (its main venue) and moves to the Eastbrook
 * Arena. Amelia and Ben live in Westshire, whose council decides their applications.
 */
async function world() {
  const north = await createAuthority(db(), { code: "NMC", name: "Northmere Council", postcodeDistricts: ["NM1"] });
  const east = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council", postcodeDistricts: ["EB1"] });
  const west = await createAuthority(db(), { code: "WSC", name: "Westshire Council", postcodeDistricts: ["WS1"] });
  const company = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const producerUser = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  const producer = actorFor(producerUser, [{ role: "producer", organisationId: company.id }]);
  const parent = await createUser(db(), { name: "Priya Parent", email: "priya@example.com" });
  const show = await createProduction(db(), {
    organisationId: company.id,
    hostAuthorityId: north.id,
    createdByUserId: producerUser.id,
    title: "Spring showcase",
    venueName: "Northmere Playhouse",
    venuePostcode: "NM1 1AA",
    firstDate: "2027-03-01",
    lastDate: "2027-03-31",
  });
  const amelia = await createChild(db(), { parentUserId: parent.id, homeAuthorityId: west.id, firstName: "Amelia", lastName: "Example", dateOfBirth: "2015-03-14" });
  const ben = await createChild(db(), { parentUserId: parent.id, homeAuthorityId: west.id, firstName: "Ben", lastName: "Example", dateOfBirth: "2015-06-01" });
  const ameliaShare = await createUsedShare(db(), { childId: amelia.id, productionId: show.id, parentUserId: parent.id });
  await createUsedShare(db(), { childId: ben.id, productionId: show.id, parentUserId: parent.id });
  return { north, east, west, company, producerUser, producer, parent, show, amelia, ben, ameliaShare };
}

type World = Awaited<ReturnType<typeof world>>;

const eveningShow = (date: string, venueId?: string | null) => ({
  date,
  kind: "performance",
  venueId,
  arrive: "17:30",
  depart: "21:00",
  performing: [{ start: "19:00", end: "20:30" }],
  breaks: [{ start: "18:00", end: "18:45", kind: "meal" }],
});

async function drafts(w: World) {
  await startLicenceApplications(db(), w.producer, w.show.id, BASE);
  const rows = await db().select().from(performanceApplications).where(eq(performanceApplications.productionId, w.show.id));
  return { amelia: rows.find((r) => r.childId === w.amelia.id)!, ben: rows.find((r) => r.childId === w.ben.id)! };
}

describe("a schedule day's venue", () => {
  it("is not asked with one venue; with two the producer says where the child is, from this production's venues only", async () => {
    const w = await world();
    const { amelia, ben } = await drafts(w);
    // One venue: nothing to choose, the day is at the main venue.
    const { dayId: first } = await saveScheduleDay(db(), w.producer, amelia.id, null, eveningShow("2027-03-06"), NOW);
    expect((await getProducerApplication(db(), w.producer, amelia.id)).days.map((d) => [d.date, d.venueId, d.venue])).toEqual([["2027-03-06", "main", null]]);

    const { venueId: arena } = await addProductionVenue(db(), w.producer, w.show.id, { venueName: "Eastbrook Arena", venuePostcode: "EB1 2CD" }, NOW);
    expect(await ruleErrors(saveScheduleDay(db(), w.producer, amelia.id, null, eveningShow("2027-03-13"), NOW))).toEqual({
      venueId: ["Select where the child is on this day"],
    });
    const elsewhere = await createProduction(db(), { organisationId: w.company.id, hostAuthorityId: w.east.id, createdByUserId: w.producerUser.id });
    const otherVenue = await createProductionVenue(db(), { productionId: elsewhere.id, hostAuthorityId: w.east.id });
    expect(await ruleErrors(saveScheduleDay(db(), w.producer, amelia.id, null, eveningShow("2027-03-13", otherVenue.id), NOW))).toEqual({
      venueId: ["Select where the child is on this day"],
    });
    // Every problem at once.
    expect(await ruleErrors(saveScheduleDay(db(), w.producer, amelia.id, null, { ...eveningShow("2027-03-13"), arrive: "" }, NOW))).toEqual({
      arrive: ["Enter the time the child arrives"],
      venueId: ["Select where the child is on this day"],
    });

    const { dayId: second } = await saveScheduleDay(db(), w.producer, amelia.id, null, eveningShow("2027-03-13", arena), NOW);
    await saveScheduleDay(db(), w.producer, amelia.id, first, eveningShow("2027-03-06", "main"), NOW);
    const rows = await db().select().from(scheduleDays).where(eq(scheduleDays.applicationId, amelia.id)).orderBy(scheduleDays.date);
    expect(rows.map((d) => [d.id, d.venueId])).toEqual([
      [first, null],
      [second, arena],
    ]);
    const events = await auditFor(db(), "performance-application", amelia.id);
    expect(events.find((e) => e.action === "licence.schedule-day-added" && (e.after as { dayId: string }).dayId === second)?.after).toMatchObject({ venueId: arena });

    const view = await getProducerApplication(db(), w.producer, amelia.id);
    expect(view.venues.map((v) => [v.name, v.hostAuthorityName])).toEqual([
      ["Northmere Playhouse", "Northmere Council"],
      ["Eastbrook Arena", "Eastbrook City Council"],
    ]);
    expect(view.days.map((d) => [d.date, d.venueId, d.venue])).toEqual([
      ["2027-03-06", "main", "Northmere Playhouse, NM1 1AA"],
      ["2027-03-13", arena, "Eastbrook Arena, EB1 2CD"],
    ]);

    // Copying the schedule keeps each day's venue.
    await copySchedule(db(), w.producer, amelia.id, [ben.id], NOW);
    const copied = await db().select().from(scheduleDays).where(eq(scheduleDays.applicationId, ben.id)).orderBy(scheduleDays.date);
    expect(copied.map((d) => [d.date, d.venueId])).toEqual([
      ["2027-03-06", null],
      ["2027-03-13", arena],
    ]);
  });

  it("the day form asks 'Where is Amelia on this day?' only when there are several venues, and saves the choice", async () => {
    const w = await world();
    const { amelia } = await drafts(w);
    const cookie = await signedIn(w.producerUser);
    const url = `http://localhost/producer/applications/${amelia.id}/schedule/new`;
    const params = { applicationId: amelia.id, dayId: "new" };
    const get = () => new Request(url, { headers: { Cookie: cookie } });
    expect((await (await run(dayLoader({ request: get(), context, params }))).json()).venues).toEqual([]);

    const { venueId: arena } = await addProductionVenue(db(), w.producer, w.show.id, { venueName: "Eastbrook Arena", venuePostcode: "EB1 2CD" }, NOW);
    const page = await (await run(dayLoader({ request: get(), context, params }))).json();
    expect(page.venues.map((v: { id: string; name: string }) => [v.id, v.name])).toEqual([
      ["main", "Northmere Playhouse"],
      [arena, "Eastbrook Arena"],
    ]);
    const fields = {
      dateDay: "13",
      dateMonth: "3",
      dateYear: "2027",
      kind: "performance",
      arrive: "17:30",
      depart: "21:00",
      performing0Start: "19:00",
      performing0End: "20:30",
      performingCount: "1",
      breakCount: "1",
    };
    const post = (extra: Record<string, string>) =>
      new Request(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
        body: new URLSearchParams({ csrf: TOKEN, ...fields, ...extra }),
      });
    const missing = await run(dayAction({ request: post({}), context, params }));
    expect(missing.status).toBe(400);
    expect((await missing.json()).result.error).toEqual({ venueId: ["Select where the child is on this day"] });
    const saved = await run(dayAction({ request: post({ venueId: arena }), context, params }));
    expect(saved.status).toBe(302);
    const [day] = await db().select().from(scheduleDays).where(eq(scheduleDays.applicationId, amelia.id));
    expect(day.venueId).toBe(arena);
    const again = await (await run(dayLoader({ request: new Request(url.replace("new", day.id), { headers: { Cookie: cookie } }), context, params: { ...params, dayId: day.id } }))).json();
    expect(again.saved.venueId).toBe(arena);
  });
});

describe("granting a licence for days at two venues", () => {
  it("records each day in its venue's council, emails both host councils, prints the venues and lets both councils' officers download it", async () => {
    const w = await world();
    const arena = await createProductionVenue(db(), { productionId: w.show.id, hostAuthorityId: w.east.id, name: "Eastbrook Arena", postcode: "EB1 2CD" });
    const westOfficerUser = await createUser(db(), { name: "Wendy Officer", memberships: [{ role: "officer", authorityId: w.west.id }] });
    const westOfficer = actorFor(westOfficerUser, [{ role: "officer", authorityId: w.west.id }]);
    const northOfficerUser = await createUser(db(), { name: "Nora Officer", memberships: [{ role: "officer", authorityId: w.north.id }] });
    const eastOfficerUser = await createUser(db(), { name: "Omar Officer", memberships: [{ role: "officer", authorityId: w.east.id }] });
    const southUser = await createUser(db(), { name: "Sam Officer" });
    const south = await createAuthority(db(), { code: "SSC", name: "Southby Council" });
    const application = await createPerformanceApplication(
      db(),
      {
        productionId: w.show.id,
        organisationId: w.company.id,
        childId: w.amelia.id,
        shareId: w.ameliaShare.id,
        authorityId: w.west.id,
        status: "submitted",
        reference: "WSC-PA-2027-000001",
        submittedAt: new Date("2027-01-20T09:00:00Z"),
        paid: false,
        hasHealthConditions: false,
        hasOtherCouncilDecisions: false,
        consentName: "Priya Parent",
      },
      [
        { date: "2027-03-06", chaperone: "parent" },
        { date: "2027-03-13", chaperone: "parent", venueId: arena.id },
      ],
    );

    const page = await getLicenceApplication(db(), westOfficer, application.id, "2027-02-01");
    expect(page.production.venues).toEqual([
      "Northmere Playhouse, NM1 1AA (Northmere Council), main venue",
      "Eastbrook Arena, EB1 2CD (Eastbrook City Council)",
    ]);
    expect(page.producerPart.days.map((d) => [d.date, d.venue])).toEqual([
      ["2027-03-06", "Northmere Playhouse, NM1 1AA"],
      ["2027-03-13", "Eastbrook Arena, EB1 2CD"],
    ]);

    const standardConditions = LICENCE_STANDARD_CONDITIONS.map((c) => c.id);
    const { reference, documentId } = await grantPerformanceLicence(db(), westOfficer, application.id, { standardConditions }, BASE, NOW);

    const days = await db().select().from(performanceDays).where(eq(performanceDays.childId, w.amelia.id)).orderBy(performanceDays.date);
    expect(days.map((d) => [d.date, d.authorityId])).toEqual([
      ["2027-03-06", w.north.id],
      ["2027-03-13", w.east.id],
    ]);
    for (const officer of [northOfficerUser, eastOfficerUser]) {
      const mails = await outboxFor(db(), officer.email);
      expect(mails.map((m) => [m.template, (m.props as { audience: string }).audience, (m.props as { reference: string }).reference])).toEqual([
        ["licence-granted", "host-authority", reference],
      ]);
    }
    // The deciding (home) council's officers are not sent a host copy.
    expect(await outboxFor(db(), westOfficerUser.email)).toEqual([]);
    const [event] = await auditFor(db(), "performance-application", application.id);
    expect(event.after).toMatchObject({ hostAuthorityIds: [w.north.id, w.east.id] });

    const [doc] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.id, documentId));
    const content = doc.content as { details: { label: string; value: string }[]; schedule: { head: string[]; rows: string[][] } };
    expect(content.details).toContainEqual({
      label: "Venues",
      value: "Northmere Playhouse, NM1 1AA (Northmere Council); Eastbrook Arena, EB1 2CD (Eastbrook City Council)",
    });
    expect(content.schedule.head).toEqual(["Date", "Venue", "At the venue", "Performing or rehearsing", "Breaks", "Chaperone"]);
    expect(content.schedule.rows.map((r) => r.slice(0, 2))).toEqual([
      ["Sat 6 March 2027", "Northmere Playhouse, NM1 1AA"],
      ["Sat 13 March 2027", "Eastbrook Arena, EB1 2CD"],
    ]);

    // Both host councils' officers may open it; another council's may not.
    const officerOf = (user: { id: string; name: string }, authorityId: string) => actorFor(user, [{ role: "officer", authorityId }]);
    expect((await downloadDocument(db(), officerOf(northOfficerUser, w.north.id), reference)).filename).toBe(`${reference}.pdf`);
    expect((await downloadDocument(db(), officerOf(eastOfficerUser, w.east.id), reference)).filename).toBe(`${reference}.pdf`);
    expect(await downloadDocument(db(), officerOf(southUser, south.id), reference).catch((e) => e)).toBeInstanceOf(ForbiddenError);
  });
});
