import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { minimalPdf } from "#db/factories-bopa";
import { performanceApplications, termDates } from "#db/schema/licences";
import { action as addTermAction } from "~/routes/admin.term-dates.new";
import { action as termsAction, loader as termsLoader } from "~/routes/admin.term-dates._index";
import { loader as applicationLoader } from "~/routes/producer.applications.$applicationId._index";
import { action as chaperoneAction } from "~/routes/producer.applications.$applicationId.chaperones.$dayId";
import { action as contractAction } from "~/routes/producer.applications.$applicationId.contract";
import { action as dayAction, loader as dayLoader } from "~/routes/producer.applications.$applicationId.schedule.$dayId";
import { loader as scheduleLoader } from "~/routes/producer.applications.$applicationId.schedule._index";
import { action as productionAction, loader as productionLoader } from "~/routes/producer.productions.$productionId._index";
import { actorFor, createAuthority, createChild, createOrganisation, createProduction, createUsedShare, createUser } from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, run, signedIn, TOKEN } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext();

const post = (url: string, cookie: string, fields: Record<string, string>) =>
  new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ csrf: TOKEN, ...fields }),
  });

const get = (url: string, cookie: string) => new Request(url, { headers: { Cookie: cookie } });

async function world() {
  const north = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const company = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const rivalOrg = await createOrganisation(db(), { kind: "producer", name: "Rival Stage Ltd" });
  const producer = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  const rival = await createUser(db(), { name: "Rita Rival", memberships: [{ role: "producer", organisationId: rivalOrg.id }] });
  const parent = await createUser(db(), { name: "Priya Parent", email: "priya@example.com", memberships: [{ role: "parent" }] });
  const admin = await createUser(db(), { name: "Ada Admin", memberships: [{ role: "admin", authorityId: north.id }] });
  const child = await createChild(db(), { parentUserId: parent.id, homeAuthorityId: north.id, firstName: "Amelia", lastName: "Example", dateOfBirth: "2015-03-14" });
  const show = await createProduction(db(), {
    organisationId: company.id,
    hostAuthorityId: north.id,
    createdByUserId: producer.id,
    title: "Spring showcase",
    firstDate: "2027-03-01",
    lastDate: "2027-03-31",
  });
  await createUsedShare(db(), { childId: child.id, productionId: show.id, parentUserId: parent.id });
  return { north, producer, rival, parent, admin, child, show, cookie: await signedIn(producer), producerActor: actorFor(producer, [{ role: "producer", organisationId: company.id }]) };
}

describe("the production's children and their applications", () => {
  it("starts the applications from the production page, then links each child to theirs", async () => {
    const w = await world();
    const url = `http://localhost/producer/productions/${w.show.id}`;
    const params = { productionId: w.show.id };
    const before = await (await run(productionLoader({ request: get(url, w.cookie), context, params }))).json();
    expect(before.cast).toMatchObject([{ name: "Amelia Example", homeAuthorityName: "Northmere Council", application: null }]);

    const refused = await run(productionAction({ request: post(url, await signedIn(w.rival), {}), context, params }));
    expect(refused.status).toBe(404);
    const started = await run(productionAction({ request: post(url, w.cookie, {}), context, params }));
    expect(started.status).toBe(302);
    expect(started.headers.get("Location")).toBe(`/producer/productions/${w.show.id}?started=1`);
    const after = await (await run(productionLoader({ request: get(`${url}?started=1`, w.cookie), context, params }))).json();
    expect(after.cast[0].application).toMatchObject({ status: "draft", producerPart: "Not started", parentPartCompleted: false });
    expect(after.banner).toContain("Licence applications have been started");

    const id = after.cast[0].application.id;
    const page = await run(applicationLoader({ request: get(`http://localhost/producer/applications/${id}`, w.cookie), context, params: { applicationId: id } }));
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ child: { name: "Amelia Example" }, sections: { schedule: "Not started", chaperones: "Cannot start yet" }, canSubmit: false });
    const theirs = await run(applicationLoader({ request: get(`http://localhost/producer/applications/${id}`, await signedIn(w.rival)), context, params: { applicationId: id } }));
    expect(theirs.status).toBe(404);
  });
});

describe("a day of the schedule", () => {
  it("adds periods without JavaScript, keeps what was typed with every error, then saves and shows the findings", async () => {
    const w = await world();
    await run(productionAction({ request: post(`http://localhost/producer/productions/${w.show.id}`, w.cookie, {}), context, params: { productionId: w.show.id } }));
    const [application] = await db().select().from(performanceApplications);
    const url = `http://localhost/producer/applications/${application.id}/schedule/new`;
    const params = { applicationId: application.id, dayId: "new" };
    const blank = await (await run(dayLoader({ request: get(url, w.cookie), context, params }))).json();
    expect(blank).toMatchObject({ day: null, performingCount: 1, breakCount: 2 });

    const typed = { dateDay: "13", dateMonth: "", dateYear: "2027", kind: "performance", arrive: "08:00", depart: "19:00", performingCount: "1", breakCount: "1" };
    const more = await run(dayAction({ request: post(url, w.cookie, { ...typed, intent: "add-performing" }), context, params }));
    const echoed = await more.json();
    expect(echoed.performingCount).toBe(2);
    expect(echoed.result.initialValue).toMatchObject({ arrive: "08:00", dateDay: "13" });

    const wrong = await run(dayAction({ request: post(url, w.cookie, { ...typed, performing0Start: "11:00", performing0End: "10:00" }), context, params }));
    expect(wrong.status).toBe(400);
    const errors = (await wrong.json()).result.error;
    expect(errors).toMatchObject({
      dateDay: ["The date must include a month"],
      performing0End: ["Performing or rehearsing period 1 must end after it starts"],
    });

    const saved = await run(
      dayAction({
        request: post(url, w.cookie, { ...typed, dateMonth: "3", performing0Start: "11:00", performing0End: "12:30", break0Start: "12:30", break0End: "13:15", break0Kind: "meal" }),
        context,
        params,
      }),
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/producer/applications/${application.id}/schedule?saved=2027-03-13#day-2027-03-13`);
    const schedule = await (
      await run(scheduleLoader({ request: get(`http://localhost/producer/applications/${application.id}/schedule?saved=2027-03-13`, w.cookie), context, params }))
    ).json();
    expect(schedule.banner).toBe("Sat 13 March 2027 has been saved");
    expect(schedule.days[0].findings.map((f: { rule: string }) => f.rule)).toContain("HOURS-AT-PLACE");
    expect(schedule.days[0].timeline).toContain("<svg");

    // A day of another application is not found here.
    const other = await run(dayLoader({ request: get(url, w.cookie), context, params: { applicationId: application.id, dayId: crypto.randomUUID() } }));
    expect(other.status).toBe(404);

    // Who looks after the child: a chaperone needs a reference.
    const dayId = schedule.days[0].id;
    const chaperoneUrl = `http://localhost/producer/applications/${application.id}/chaperones/${dayId}`;
    const missing = await run(chaperoneAction({ request: post(chaperoneUrl, w.cookie, { who: "chaperone" }), context, params: { applicationId: application.id, dayId } }));
    expect((await missing.json()).error).toEqual({ reference: ["Enter the chaperone's approval reference, like NMC-CL-2026-000001"] });
    const parent = await run(chaperoneAction({ request: post(chaperoneUrl, w.cookie, { who: "parent" }), context, params: { applicationId: application.id, dayId } }));
    expect(parent.headers.get("Location")).toBe(`/producer/applications/${application.id}/chaperones?saved=1`);

    // The contract, uploaded as a file.
    const form = new FormData();
    form.set("csrf", TOKEN);
    form.set("contract", new File([new Uint8Array(minimalPdf("contract"))], "contract.pdf"));
    const upload = await run(
      contractAction({
        request: new Request(`http://localhost/producer/applications/${application.id}/contract`, { method: "POST", body: form, headers: { Cookie: w.cookie } }),
        context,
        params: { applicationId: application.id },
      }),
    );
    expect(upload.headers.get("Location")).toBe(`/producer/applications/${application.id}?saved=contract`);
  });
});

describe("an authority's term dates", () => {
  it("are added and removed by its admin only", async () => {
    const w = await world();
    const cookie = await signedIn(w.admin);
    const add = (fields: Record<string, string>) => run(addTermAction({ request: post("http://localhost/admin/term-dates/new", cookie, fields), context, params: {} }));
    const wrong = await add({ name: "", startDay: "22", startMonth: "2", startYear: "2027", endDay: "31", endMonth: "2", endYear: "2027" });
    expect((await wrong.json()).error).toEqual({ name: ["Enter the name of the term"], endDay: ["The last day of the term must be a real date"] });
    const added = await add({ name: "Spring term 2", startDay: "22", startMonth: "2", startYear: "2027", endDay: "25", endMonth: "3", endYear: "2027" });
    expect(added.headers.get("Location")).toBe("/admin/term-dates?added=Spring%20term%202");
    const list = await (await run(termsLoader({ request: get("http://localhost/admin/term-dates", cookie), context, params: {} }))).json();
    expect(list.terms).toMatchObject([{ name: "Spring term 2", startDate: "2027-02-22", endDate: "2027-03-25" }]);

    const producerTry = await run(termsAction({ request: post("http://localhost/admin/term-dates", w.cookie, { termId: list.terms[0].id }), context, params: {} }));
    expect(producerTry.status).toBe(403);
    const removed = await run(termsAction({ request: post("http://localhost/admin/term-dates", cookie, { termId: list.terms[0].id }), context, params: {} }));
    expect(removed.headers.get("Location")).toBe("/admin/term-dates?removed=Spring%20term%202");
    expect(await db().select().from(termDates).where(eq(termDates.authorityId, w.north.id))).toEqual([]);
    const again = await run(termsAction({ request: post("http://localhost/admin/term-dates", cookie, { termId: list.terms[0].id }), context, params: {} }));
    expect(again.status).toBe(404);
  });
});
