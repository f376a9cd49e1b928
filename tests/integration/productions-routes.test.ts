import { describe, expect, it } from "vitest";
import { listCast } from "~/domain/children/access";
import { createShareCode } from "~/domain/children/createShareCode";
import { inviteParent } from "~/domain/productions/inviteParent";
import { loader as invitationLoader, action as invitationAction } from "~/routes/child-invitations.$token";
import { action as addChildAction } from "~/routes/producer.productions.$productionId.add-child";
import { loader as productionLoader } from "~/routes/producer.productions.$productionId._index";
import { action as inviteAction } from "~/routes/producer.productions.$productionId.invite-parent";
import { action as newProductionAction } from "~/routes/producer.productions.new";
import { loader as shareLoader, action as shareLinkAction } from "~/routes/share.$code";
import { actorFor, createAuthority, createChild, createOrganisation, createProduction, createUser, outboxFor, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";
import { TOKEN, routeContext, run, signedIn } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext();

function post(url: string, cookie: string | null, fields: Record<string, string>) {
  return new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams({ csrf: TOKEN, ...fields }),
  });
}

const get = (url: string, cookie?: string) => new Request(url, { headers: cookie ? { Cookie: cookie } : {} });

async function world() {
  const northmere = await createAuthority(db(), { code: "NMC", name: "Northmere Council", postcodeDistricts: ["NM1"] });
  const company = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const rival = await createOrganisation(db(), { kind: "producer", name: "Rival Stage Ltd" });
  const producer = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  const rivalProducer = await createUser(db(), { name: "Rita Rival", memberships: [{ role: "producer", organisationId: rival.id }] });
  const parent = await createUser(db(), { name: "Priya Parent", email: "priya@example.com", memberships: [{ role: "parent" }] });
  const child = await createChild(db(), { parentUserId: parent.id, homeAuthorityId: northmere.id, firstName: "Amelia", lastName: "Example" });
  const production = await createProduction(db(), { organisationId: company.id, hostAuthorityId: northmere.id, createdByUserId: producer.id, title: "Annie" });
  return {
    northmere,
    company,
    producer,
    rivalProducer,
    parent,
    child,
    production,
    producerActor: actorFor(producer, [{ role: "producer", organisationId: company.id }]),
    parentActor: actorFor(parent, [{ role: "parent" }]),
    cookie: await signedIn(producer),
  };
}

describe("creating a production", () => {
  it("shows a GOV.UK message for every question, then creates it", async () => {
    const w = await world();
    const url = "http://localhost/producer/productions/new";
    const empty = await run(newProductionAction({ request: post(url, w.cookie, {}), context, params: {} }));
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toEqual({
      title: ["Enter the name of the production"],
      kind: ["Select the type of production"],
      paid: ["Select yes if the children are paid more than their expenses"],
      broadcast: ["Select yes if it is filmed or recorded for broadcast or streaming"],
      venueName: ["Enter the name of the venue"],
      venuePostcode: ["Enter the venue's postcode"],
      firstDateDay: ["Enter the first date"],
      lastDateDay: ["Enter the last date"],
    });
    const fields = {
      title: "Peter Pan",
      kind: "theatre",
      paid: "no",
      broadcast: "no",
      venueName: "Northmere Playhouse",
      venuePostcode: "NM1 1AA",
      firstDateDay: "10",
      firstDateMonth: "4",
      firstDateYear: "2027",
      lastDateDay: "9",
      lastDateMonth: "4",
      lastDateYear: "2027",
    };
    const backwards = await run(newProductionAction({ request: post(url, w.cookie, fields), context, params: {} }));
    expect((await backwards.json()).error).toEqual({ lastDateDay: ["The last date must be the same as or after the first date"] });
    const created = await run(newProductionAction({ request: post(url, w.cookie, { ...fields, lastDateDay: "20" }), context, params: {} }));
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toMatch(/^\/producer\/productions\/[0-9a-f-]{36}\?created=1$/);
  });
});

describe("a production's page", () => {
  it("is not found for another organisation's producer", async () => {
    const w = await world();
    const url = `http://localhost/producer/productions/${w.production.id}`;
    const own = await run(productionLoader({ request: get(url, w.cookie), context, params: { productionId: w.production.id } }));
    expect(own.status).toBe(200);
    const rival = await run(productionLoader({ request: get(url, await signedIn(w.rivalProducer)), context, params: { productionId: w.production.id } }));
    expect(rival.status).toBe(404);
    const add = await run(
      addChildAction({ request: post(`${url}/add-child`, await signedIn(w.rivalProducer), { code: "ABCD-EFGH" }), context, params: { productionId: w.production.id } }),
    );
    expect(add.status).toBe(404);
  });
});

describe("adding a child with a share code", () => {
  it("explains a missing or malformed code, then adds the child", async () => {
    const w = await world();
    const url = `http://localhost/producer/productions/${w.production.id}/add-child`;
    const params = { productionId: w.production.id };
    const attempt = async (code: string) => run(addChildAction({ request: post(url, w.cookie, { code }), context, params }));
    expect((await (await attempt("")).json()).error).toEqual({ code: ["Enter the share code"] });
    expect((await (await attempt("ABC")).json()).error).toEqual({ code: ["Enter a share code in the format ABCD-EFGH"] });
    expect((await (await attempt("ABCD-EFGH")).json()).error).toEqual({ code: ["No share code matches the one you entered. Check it with the child's parent"] });

    const { code } = await createShareCode(db(), w.parentActor, w.child.id);
    const added = await attempt(code.toLowerCase().replace("-", " "));
    expect(added.status).toBe(302);
    expect(added.headers.get("Location")).toBe(`/producer/productions/${w.production.id}?added=${w.child.id}`);
    const page = await (
      await run(productionLoader({ request: get(`http://localhost/producer/productions/${w.production.id}?added=${w.child.id}`, w.cookie), context, params }))
    ).json();
    expect(page.banner).toBe("Amelia Example has been added to Annie.");
    expect(page.cast).toMatchObject([{ name: "Amelia Example", homeAuthorityName: "Northmere Council" }]);
    expect((await outboxFor(db(), "priya@example.com")).map((m) => m.template)).toEqual(["child-shared"]);

    const again = await attempt(code);
    expect((await again.json()).error.code[0]).toMatch(/^This share code has already been used/);
  });
});

describe("a share link (/share/ABCD-EFGH)", () => {
  it("asks someone signed out to sign in and come back, without looking the code up", async () => {
    const w = await world();
    const page = await (await run(shareLoader({ request: get("http://localhost/share/abcd-efgh"), context, params: { code: "abcd-efgh" } }))).json();
    expect(page).toMatchObject({ code: "ABCD-EFGH", signedIn: false, producer: false, productions: [], path: "/share/abcd-efgh" });
    const parentPage = await (await run(shareLoader({ request: get("http://localhost/share/x", await signedIn(w.parent)), context, params: { code: "x" } }))).json();
    expect(parentPage).toMatchObject({ code: "", signedIn: true, producer: false });
  });

  it("lets a producer choose the production and adds the child to it", async () => {
    const w = await world();
    const { code } = await createShareCode(db(), w.parentActor, w.child.id);
    const page = await (await run(shareLoader({ request: get(`http://localhost/share/${code}`, w.cookie), context, params: { code } }))).json();
    expect(page.productions).toEqual([{ id: w.production.id, title: "Annie", organisationName: "Footlights Productions Ltd" }]);
    const missing = await run(shareLinkAction({ request: post(`http://localhost/share/${code}`, w.cookie, { code }), context, params: { code } }));
    expect((await missing.json()).error).toEqual({ productionId: ["Select the production the child is taking part in"] });
    const done = await run(shareLinkAction({ request: post(`http://localhost/share/${code}`, w.cookie, { code, productionId: w.production.id }), context, params: { code } }));
    expect(done.headers.get("Location")).toBe(`/producer/productions/${w.production.id}?added=${w.child.id}`);
    // a parent can't use it
    const parentTry = await run(shareLinkAction({ request: post(`http://localhost/share/${code}`, await signedIn(w.parent), { code, productionId: w.production.id }), context, params: { code } }));
    expect(parentTry.status).toBe(403);
  });
});

describe("inviting a parent", () => {
  it("checks the form, then emails the parent", async () => {
    const w = await world();
    const url = `http://localhost/producer/productions/${w.production.id}/invite-parent`;
    const params = { productionId: w.production.id };
    const empty = await run(inviteAction({ request: post(url, w.cookie, {}), context, params }));
    expect((await empty.json()).error).toEqual({ email: ["Enter the parent's email address"], childName: ["Enter the child's full name"] });
    const sent = await run(inviteAction({ request: post(url, w.cookie, { email: "priya@example.com", childName: "Amelia Example" }), context, params }));
    expect(sent.headers.get("Location")).toBe(`/producer/productions/${w.production.id}?invited=1`);
    expect((await outboxFor(db(), "priya@example.com")).map((m) => m.template)).toEqual(["child-invitation"]);
  });
});

describe("a parent's invitation link (/child-invitations/$token)", () => {
  it("asks for sign-in, lists the parent's children, accepts once, then says it has been used", async () => {
    const w = await world();
    await inviteParent(db(), w.producerActor, w.production.id, { email: "priya@example.com", childName: "Amelia Example" }, "http://localhost");
    const [mail] = await outboxFor(db(), "priya@example.com");
    const token = tokenFromUrl((mail.props as { url: string }).url);
    const url = `http://localhost/child-invitations/${token}`;
    const params = { token };

    const signedOut = await run(invitationLoader({ request: get(url), context, params }));
    expect(signedOut.status).toBe(200);
    expect(await signedOut.json()).toMatchObject({ signedIn: false, invitation: { state: "open", organisationName: "Footlights Productions Ltd" } });
    const asProducer = await (await run(invitationLoader({ request: get(url, w.cookie), context, params }))).json();
    expect(asProducer).toMatchObject({ signedIn: true, parent: false, children: [] });

    const parentCookie = await signedIn(w.parent);
    const asParent = await (await run(invitationLoader({ request: get(`${url}?child=${w.child.id}`, parentCookie), context, params }))).json();
    expect(asParent).toMatchObject({ parent: true, chosen: w.child.id, children: [{ id: w.child.id, name: "Amelia Example" }] });

    const none = await run(invitationAction({ request: post(url, parentCookie, {}), context, params }));
    expect((await none.json()).error).toEqual({ childId: ["Select your child"] });
    const accepted = await run(invitationAction({ request: post(url, parentCookie, { childId: w.child.id }), context, params }));
    expect(accepted.headers.get("Location")).toBe(`/children/${w.child.id}?shared=1`);
    expect((await listCast(db(), w.production.id)).map((c) => c.id)).toEqual([w.child.id]);

    const again = await run(invitationAction({ request: post(url, parentCookie, { childId: w.child.id }), context, params }));
    expect(again.headers.get("Location")).toBe(`/child-invitations/${token}`);
    const used = await run(invitationLoader({ request: get(url, parentCookie), context, params }));
    expect(used.status).toBe(410);
    expect((await used.json()).invitation).toEqual({ state: "used" });
  });

  it("a made-up link has expired", async () => {
    const response = await run(invitationLoader({ request: get("http://localhost/child-invitations/nonsense"), context, params: { token: "nonsense" } }));
    expect(response.status).toBe(410);
    expect((await response.json()).invitation).toEqual({ state: "expired" });
  });
});
