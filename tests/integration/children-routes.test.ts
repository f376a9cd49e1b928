import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { loadOwnChild } from "~/domain/children/access";
import { createShareCode } from "~/domain/children/createShareCode";
import { listMyChildren } from "~/domain/children/listMyChildren";
import { loader as childLoader, action as childPageAction } from "~/routes/children.$childId._index";
import { loader as photoLoader } from "~/routes/children.$childId.photo";
import { action as shareAction } from "~/routes/children.$childId.share";
import { action as newChildAction } from "~/routes/children.new";
import { loader as layoutLoader } from "~/routes/children";
import { actorFor, createAuthority, createChild, createOrganisation, createSchool, createUser } from "../factories";
import { useTestDatabase } from "../setup/db";
import { TOKEN, routeContext, run, signedIn } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext();

const png = () =>
  sharp({ create: { width: 200, height: 260, channels: 3, background: { r: 90, g: 140, b: 90 } } })
    .png()
    .toBuffer();

function multipart(url: string, cookie: string, fields: Record<string, string | File>) {
  const form = new FormData();
  form.set("csrf", TOKEN);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request(url, { method: "POST", body: form, headers: { Cookie: cookie } });
}

function post(url: string, cookie: string, fields: Record<string, string>) {
  return new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ csrf: TOKEN, ...fields }),
  });
}

const get = (url: string, cookie: string) => new Request(url, { headers: { Cookie: cookie } });

async function world() {
  const northmere = await createAuthority(db(), { code: "NMC", name: "Northmere Council", postcodeDistricts: ["NM1"] });
  const school = await createSchool(db(), { authorityId: northmere.id, name: "Northmere Primary School" });
  const parent = await createUser(db(), { name: "Priya Parent", memberships: [{ role: "parent" }] });
  const otherParent = await createUser(db(), { name: "Other Parent", memberships: [{ role: "parent" }] });
  const company = await createOrganisation(db(), { kind: "producer" });
  const producer = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  return { northmere, school, parent, otherParent, producer, cookie: await signedIn(parent) };
}

const ANSWERS = {
  firstName: "Amelia",
  lastName: "Example",
  dateOfBirthDay: "1",
  dateOfBirthMonth: "5",
  dateOfBirthYear: "2015",
  addressLine1: "1 High Street",
  town: "Northmere",
  postcode: "NM1 2AB",
  school: "home",
  photoTakenOnDay: "1",
  photoTakenOnMonth: "10",
  photoTakenOnYear: "2025",
};

describe("adding a child (/children/new)", () => {
  it("shows a GOV.UK message for every question left unanswered", async () => {
    const w = await world();
    const response = await run(newChildAction({ request: multipart("http://localhost/children/new", w.cookie, {}), context, params: {} }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toEqual({
      firstName: ["Enter the child's first name"],
      lastName: ["Enter the child's last name"],
      dateOfBirthDay: ["Enter the child's date of birth"],
      addressLine1: ["Enter address line 1, typically the building and street"],
      town: ["Enter town or city"],
      postcode: ["Enter postcode"],
      school: ["Select where the child goes to school"],
      photo: ["Upload a photograph of the child"],
      photoTakenOnDay: ["Enter the date the photograph was taken"],
      birthCertificate: ["Upload a copy of the child's birth certificate"],
    });
  });

  it("keeps a photograph already uploaded when another answer needs correcting, then saves the child with it", async () => {
    const w = await world();
    const first = await run(
      newChildAction({
        request: multipart("http://localhost/children/new", w.cookie, { ...ANSWERS, firstName: "", photo: new File([new Uint8Array(await png())], "amelia.png") }),
        context,
        params: {},
      }),
    );
    expect(first.status).toBe(400);
    const body = await first.json();
    expect(body.error).toEqual({ firstName: ["Enter the child's first name"], birthCertificate: ["Upload a copy of the child's birth certificate"] });
    expect(body.initialValue).toMatchObject({ lastName: "Example", photoUploadName: "amelia.png" });
    expect(body.initialValue.photoUploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.initialValue.photo).toBeUndefined();

    const second = await run(
      newChildAction({
        request: multipart("http://localhost/children/new", w.cookie, {
          ...ANSWERS,
          photoUploadId: body.initialValue.photoUploadId,
          photoUploadName: "amelia.png",
          birthCertificate: new File([new Uint8Array(await png())], "certificate.png"),
        }),
        context,
        params: {},
      }),
    );
    expect(second.status).toBe(302);
    const [child] = await listMyChildren(db(), actorFor(w.parent, [{ role: "parent" }]));
    expect(second.headers.get("Location")).toBe(`/children/${child.id}?added=1`);
    const saved = await loadOwnChild(db(), actorFor(w.parent, [{ role: "parent" }]), child.id);
    expect(saved.photoUploadId).toBe(body.initialValue.photoUploadId);
    expect(saved.schoolName).toBe("Educated at home");
  });

  it("a file that breaks the rules is reported against its field, and the good one is kept", async () => {
    const w = await world();
    const response = await run(
      newChildAction({
        request: multipart("http://localhost/children/new", w.cookie, {
          ...ANSWERS,
          photo: new File([new Uint8Array(await png())], "amelia.png"),
          birthCertificate: new File([new Uint8Array(Buffer.from(`MZ${"\0".repeat(200)}`))], "certificate.pdf"),
        }),
        context,
        params: {},
      }),
    );
    const body = await response.json();
    expect(body.error).toEqual({ birthCertificate: ["The selected file must be a JPG, PNG or PDF"] });
    expect(body.initialValue.photoUploadId).toBeTruthy();
  });

  it("asks which council when the postcode doesn't say", async () => {
    const w = await world();
    const image = new Uint8Array(await png());
    const response = await run(
      newChildAction({
        request: multipart("http://localhost/children/new", w.cookie, {
          ...ANSWERS,
          postcode: "ZZ9 9ZZ",
          photo: new File([image], "a.png"),
          birthCertificate: new File([image], "b.png"),
        }),
        context,
        params: {},
      }),
    );
    const body = await response.json();
    expect(body.error).toEqual({ authorityId: ["Select the council where the child lives"] });
    expect(body.initialValue.photoUploadId).toBeTruthy();
    expect(body.initialValue.birthCertificateUploadId).toBeTruthy();
  });

  it("goes back to the producer's invitation after saving when the parent came from one", async () => {
    const w = await world();
    const image = new Uint8Array(await png());
    const invitation = "a".repeat(43);
    const response = await run(
      newChildAction({
        request: multipart(`http://localhost/children/new?invitation=${invitation}`, w.cookie, {
          ...ANSWERS,
          photo: new File([image], "a.png"),
          birthCertificate: new File([image], "b.png"),
        }),
        context,
        params: {},
      }),
    );
    const [child] = await listMyChildren(db(), actorFor(w.parent, [{ role: "parent" }]));
    expect(response.headers.get("Location")).toBe(`/child-invitations/${invitation}?child=${child.id}`);
  });
});

describe("a child's pages", () => {
  it("are for parents: a producer is forbidden the whole area", async () => {
    const w = await world();
    const response = await run(layoutLoader({ request: get("http://localhost/children", await signedIn(w.producer)), context, params: {} }));
    expect(response.status).toBe(403);
  });

  it("serve the photograph to the child's parent only, never cached", async () => {
    const w = await world();
    const child = await createChild(db(), { parentUserId: w.parent.id, homeAuthorityId: w.northmere.id });
    const photoFor = async (cookie: string) => run(photoLoader({ request: get(`http://localhost/children/${child.id}/photo`, cookie), context, params: { childId: child.id } }));
    expect((await photoFor(w.cookie)).status).toBe(404); // no photograph yet

    const image = new Uint8Array(await png());
    await run(
      newChildAction({
        request: multipart("http://localhost/children/new", w.cookie, { ...ANSWERS, photo: new File([image], "a.png"), birthCertificate: new File([image], "b.png") }),
        context,
        params: {},
      }),
    );
    const [withPhoto] = (await listMyChildren(db(), actorFor(w.parent, [{ role: "parent" }]))).filter((c) => c.id !== child.id);
    const own = await run(photoLoader({ request: get(`http://localhost/children/${withPhoto.id}/photo`, w.cookie), context, params: { childId: withPhoto.id } }));
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Type")).toBe("image/png");
    expect(own.headers.get("Cache-Control")).toBe("private, no-store");
    const theirs = await run(
      photoLoader({ request: get(`http://localhost/children/${withPhoto.id}/photo`, await signedIn(w.otherParent)), context, params: { childId: withPhoto.id } }),
    );
    expect(theirs.status).toBe(404);
  });

  it("another parent gets 404 for the child's page and its actions", async () => {
    const w = await world();
    const child = await createChild(db(), { parentUserId: w.parent.id, homeAuthorityId: w.northmere.id });
    const other = await signedIn(w.otherParent);
    const url = `http://localhost/children/${child.id}`;
    expect((await run(childLoader({ request: get(url, other), context, params: { childId: child.id } }))).status).toBe(404);
    expect((await run(shareAction({ request: post(`${url}/share`, other, {}), context, params: { childId: child.id } }))).status).toBe(404);
    const { shareId } = await createShareCode(db(), actorFor(w.parent, [{ role: "parent" }]), child.id);
    expect((await run(childPageAction({ request: post(url, other, { intent: "revoke", shareId }), context, params: { childId: child.id } }))).status).toBe(404);
  });

  it("create a share code shown once, list it by its last characters, and cancel it", async () => {
    const w = await world();
    const child = await createChild(db(), { parentUserId: w.parent.id, homeAuthorityId: w.northmere.id, firstName: "Amelia" });
    const url = `http://localhost/children/${child.id}`;
    const created = await run(shareAction({ request: post(`${url}/share`, w.cookie, {}), context, params: { childId: child.id } }));
    expect(created.headers.get("Cache-Control")).toBe("private, no-store");
    const { code, link } = await created.json();
    expect(link).toBe(`http://localhost/share/${code}`);

    const page = await (await run(childLoader({ request: get(url, w.cookie), context, params: { childId: child.id } }))).json();
    expect(page.codes).toEqual([{ id: expect.any(String), codeHint: code.slice(-3), expiresAt: expect.any(String) }]);
    expect(JSON.stringify(page)).not.toContain(code);

    const cancelled = await run(childPageAction({ request: post(url, w.cookie, { intent: "revoke", shareId: page.codes[0].id }), context, params: { childId: child.id } }));
    expect(cancelled.headers.get("Location")).toBe(`/children/${child.id}?cancelled=1`);
    const after = await (await run(childLoader({ request: get(`${url}?cancelled=1`, w.cookie), context, params: { childId: child.id } }))).json();
    expect(after.codes).toEqual([]);
    expect(after.banner).toBe("The share code has been cancelled. It can no longer be used.");
  });

  it("add a performance day from elsewhere, with GOV.UK messages for mistakes", async () => {
    const w = await world();
    const child = await createChild(db(), { parentUserId: w.parent.id, homeAuthorityId: w.northmere.id });
    const url = `http://localhost/children/${child.id}`;
    const bad = await run(childPageAction({ request: post(url, w.cookie, { dateDay: "31", dateMonth: "2", dateYear: "2025" }), context, params: { childId: child.id } }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toEqual({
      dateDay: ["The date of the performance must be a real date"],
      productionTitle: ["Enter the name of the production or show"],
      organiserName: ["Enter who organised it"],
    });
    const good = await run(
      childPageAction({
        request: post(url, w.cookie, { dateDay: "14", dateMonth: "2", dateYear: "2025", productionTitle: "Oliver!", organiserName: "Hilltop Players" }),
        context,
        params: { childId: child.id },
      }),
    );
    expect(good.headers.get("Location")).toBe(`/children/${child.id}?dayAdded=1#performance-days`);
    const page = await (await run(childLoader({ request: get(url, w.cookie), context, params: { childId: child.id } }))).json();
    expect(page.days).toMatchObject([{ date: "2025-02-14", productionTitle: "Oliver!", organiserName: "Hilltop Players", basis: "reported-by-parent" }]);
  });
});
