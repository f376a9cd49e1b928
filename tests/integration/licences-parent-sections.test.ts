import { eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { children } from "#db/schema/children";
import { performanceApplications } from "#db/schema/licences";
import { addDays, addMonths, londonDate } from "~/domain/calendar/dates";
import { storeChildUploads } from "~/domain/children/storeChildUploads";
import { NotFoundError, RuleError } from "~/domain/errors";
import { confirmParentPart } from "~/domain/licences/confirmParentPart";
import { getParentPart } from "~/domain/licences/getParentPart";
import { getParentPartFile } from "~/domain/licences/getParentPartFile";
import { listParentApplications } from "~/domain/licences/listParentApplications";
import { saveParentSection } from "~/domain/licences/saveParentSection";
import { action as photoAction } from "~/routes/children.$childId.applications.$applicationId.photo";
import {
  actorFor,
  auditFor,
  createAuthority,
  createChild,
  createOrganisation,
  createPerformanceApplication,
  createProduction,
  createSchool,
  createUsedShare,
  createUser,
  outboxFor,
} from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, run, ruleErrors, signedIn, TOKEN } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
/** A fixed clock: Monday 23 November 2026, 10:00 in London. */
const NOW = new Date("2026-11-23T10:00:00Z");

async function png() {
  return sharp({ create: { width: 300, height: 400, channels: 3, background: { r: 120, g: 160, b: 200 } } })
    .png()
    .toBuffer();
}

/** Amelia, whose profile has a school, a photograph taken on `photoTakenOn` and a birth certificate, in a production's cast with a draft application. */
async function world({ photoTakenOn = "2026-09-01" }: { photoTakenOn?: string } = {}) {
  const northmere = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const school = await createSchool(db(), { authorityId: northmere.id, name: "Northmere Primary School" });
  const otherSchool = await createSchool(db(), { authorityId: northmere.id, name: "Northmere Academy" });
  const parentUser = await createUser(db(), { name: "Priya Parent", memberships: [{ role: "parent" }] });
  const parent = actorFor(parentUser, [{ role: "parent" }]);
  const image = await png();
  const { stored } = await storeChildUploads(db(), parent, { photo: { bytes: image, filename: "amelia.png" }, birthCertificate: { bytes: image, filename: "certificate.png" } });
  const child = await createChild(db(), {
    parentUserId: parentUser.id,
    homeAuthorityId: northmere.id,
    firstName: "Amelia",
    lastName: "Example",
    dateOfBirth: "2015-03-14",
    schoolId: school.id,
    photoUploadId: stored.photo!.id,
    photoTakenOn,
    birthCertificateUploadId: stored.birthCertificate!.id,
  });
  const organisation = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const producerUser = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: organisation.id }] });
  const producer = actorFor(producerUser, [{ role: "producer", organisationId: organisation.id }]);
  const production = await createProduction(db(), { organisationId: organisation.id, hostAuthorityId: northmere.id, createdByUserId: producerUser.id, title: "Spring showcase" });
  await createUsedShare(db(), { childId: child.id, productionId: production.id, parentUserId: parentUser.id });
  const application = await createPerformanceApplication(db(), { productionId: production.id, organisationId: organisation.id, childId: child.id, authorityId: northmere.id });
  const otherParentUser = await createUser(db(), { name: "Other Parent", memberships: [{ role: "parent" }] });
  const otherParent = actorFor(otherParentUser, [{ role: "parent" }]);
  return { northmere, school, otherSchool, parentUser, parent, child, producerUser, producer, application, otherParent, otherParentUser, id: application.id };
}

type World = Awaited<ReturnType<typeof world>>;

/** Saves every section from the profile's answers and a few typed ones. */
async function answerEverything(w: World) {
  await saveParentSection(db(), w.parent, w.id, { section: "school", school: "listed", schoolId: w.school.id }, NOW);
  await saveParentSection(db(), w.parent, w.id, { section: "health", hasHealthConditions: true, healthDetails: "Mild asthma: inhaler in her bag" }, NOW);
  await saveParentSection(db(), w.parent, w.id, { section: "other-councils", hasOtherCouncilDecisions: false }, NOW);
  await saveParentSection(db(), w.parent, w.id, { section: "photo", useCurrent: true }, NOW);
  await saveParentSection(db(), w.parent, w.id, { section: "birth-certificate" }, NOW);
  await saveParentSection(db(), w.parent, w.id, { section: "consent", consentName: "  Priya   Parent " }, NOW);
}

const row = async (id: string) => (await db().select().from(performanceApplications).where(eq(performanceApplications.id, id)))[0];

describe("the parent's part, pre-filled from the child's profile", () => {
  it("starts from the profile's school, photograph and birth certificate, with nothing saved yet", async () => {
    const w = await world();
    const part = await getParentPart(db(), w.parent, w.child.id, w.id, NOW);
    expect(part).toMatchObject({ partStatus: "not-started", editable: true, child: { name: "Amelia Example" }, production: { title: "Spring showcase" } });
    expect(part.school).toMatchObject({ choice: "listed", schoolId: w.school.id, label: "Northmere Primary School", fromProfile: true });
    expect(part.photo).toMatchObject({ uploadId: w.child.photoUploadId, takenOn: "2026-09-01", fromProfile: true, recent: true });
    expect(part.birthCertificate).toMatchObject({ uploadId: w.child.birthCertificateUploadId, filename: "certificate.png", fromProfile: true });
    expect(Object.keys(part.missing)).toEqual(["school", "health", "other-councils", "photo", "birth-certificate", "consent"]);

    const file = await getParentPartFile(db(), w.parent, w.child.id, w.id, "photo");
    expect(file.contentType).toBe("image/png");
    expect(await listParentApplications(db(), w.parent)).toMatchObject([
      { id: w.id, childId: w.child.id, productionTitle: "Spring showcase", organisationName: "Footlights Productions Ltd", statusLabel: "Not submitted", partStatusLabel: "Not started" },
    ]);
  });

  it("saves a changed school, and shows the saved one from then on", async () => {
    const w = await world();
    await saveParentSection(db(), w.parent, w.id, { section: "school", school: "listed", schoolId: w.otherSchool.id }, NOW);
    const part = await getParentPart(db(), w.parent, w.child.id, w.id, NOW);
    expect(part.school).toMatchObject({ schoolId: w.otherSchool.id, label: "Northmere Academy", fromProfile: false });
    expect(part.partStatus).toBe("in-progress");
    await saveParentSection(db(), w.parent, w.id, { section: "school", school: "not-listed", schoolName: "Hill Top School" }, NOW);
    expect(await row(w.id)).toMatchObject({ schoolId: null, schoolName: "Hill Top School" });
    await saveParentSection(db(), w.parent, w.id, { section: "school", school: "home" }, NOW);
    expect(await row(w.id)).toMatchObject({ schoolId: null, schoolName: "Educated at home" });
    expect((await listParentApplications(db(), w.parent, { childId: w.child.id }))[0].partStatusLabel).toBe("In progress");
  });
});

describe("saveParentSection", () => {
  it("answers each section's mistakes with GOV.UK messages against its fields", async () => {
    const w = await world();
    const save = (input: Parameters<typeof saveParentSection>[3]) => ruleErrors(saveParentSection(db(), w.parent, w.id, input, NOW));
    expect(await save({ section: "school", school: "listed", schoolId: "not-a-school" })).toEqual({ schoolId: ["Select the child's school"] });
    expect(await save({ section: "school", school: "not-listed", schoolName: "  " })).toEqual({ schoolName: ["Enter the name of the child's school"] });
    expect(await save({ section: "health", hasHealthConditions: true, healthDetails: " " })).toEqual({
      healthDetails: ["Give details of the child's health conditions or disabilities"],
    });
    expect(await save({ section: "other-councils", hasOtherCouncilDecisions: true })).toEqual({ otherCouncilDetails: ["Give details of the other councils' licences"] });
    expect(await save({ section: "consent", consentName: "   " })).toEqual({ consentName: ["Enter your full name to give your consent"] });
    expect(await save({ section: "photo", useCurrent: false, uploadId: null, takenOn: "" })).toEqual({
      photo: ["Upload a photograph of the child"],
      photoTakenOnDay: ["Enter the date the photograph was taken"],
    });
    // nothing was saved
    expect(await row(w.id)).toMatchObject({ schoolId: null, schoolName: null, hasHealthConditions: null, hasOtherCouncilDecisions: null, consentName: null, photoUploadId: null });
    expect(await auditFor(db(), "performance-application", w.id)).toEqual([]);
  });

  it("drops the details when the answer is no, and audits which answers changed but not the health details", async () => {
    const w = await world();
    await saveParentSection(db(), w.parent, w.id, { section: "health", hasHealthConditions: false, healthDetails: "typed, then changed my mind" }, NOW);
    expect(await row(w.id)).toMatchObject({ hasHealthConditions: false, healthDetails: null });
    await saveParentSection(db(), w.parent, w.id, { section: "health", hasHealthConditions: true, healthDetails: "Epilepsy" }, NOW);
    const audit = await auditFor(db(), "performance-application", w.id);
    expect(audit.map((a) => a.action)).toEqual(["performance-application.parent-section-saved", "performance-application.parent-section-saved"]);
    expect(audit[1].after).toEqual({ section: "health", fields: ["hasHealthConditions", "healthDetails"], reopened: false });
    expect(JSON.stringify(audit)).not.toContain("Epilepsy");
  });

  it("requires a new photograph when the profile's is more than 6 months old, taken in the last 6 months", async () => {
    const w = await world({ photoTakenOn: "2026-05-22" });
    const part = await getParentPart(db(), w.parent, w.child.id, w.id, NOW);
    expect(part.photo).toMatchObject({ fromProfile: true, recent: false });
    expect(part.missing.photo).toBe("Add a photograph taken in the last 6 months");
    expect(await ruleErrors(saveParentSection(db(), w.parent, w.id, { section: "photo", useCurrent: true }, NOW))).toEqual({
      photo: ["This photograph was taken more than 6 months ago. Upload one taken in the last 6 months"],
    });

    const { stored } = await storeChildUploads(db(), w.parent, { photo: { bytes: await png(), filename: "new.png" } });
    const upload = { section: "photo" as const, useCurrent: false, uploadId: stored.photo!.id };
    expect(await ruleErrors(saveParentSection(db(), w.parent, w.id, { ...upload, takenOn: "2026-05-22" }, NOW))).toEqual({
      photoTakenOnDay: ["The photograph must have been taken in the last 6 months"],
    });
    expect(await ruleErrors(saveParentSection(db(), w.parent, w.id, { ...upload, takenOn: "2026-11-24" }, NOW))).toEqual({
      photoTakenOnDay: ["The date the photograph was taken must be today or in the past"],
    });
    // 23 May is exactly 6 months before 23 November: still recent
    await saveParentSection(db(), w.parent, w.id, { ...upload, takenOn: "2026-05-23" }, NOW);
    expect(await row(w.id)).toMatchObject({ photoUploadId: stored.photo!.id, photoTakenOn: "2026-05-23" });
    expect((await getParentPart(db(), w.parent, w.child.id, w.id, NOW)).missing.photo).toBeUndefined();
    // the application's photograph is served, not the profile's older one
    const served = await getParentPartFile(db(), w.parent, w.child.id, w.id, "photo");
    expect(served.filename).toBe("new.png");
    // a day later it has aged out
    expect((await getParentPart(db(), w.parent, w.child.id, w.id, new Date("2026-11-24T10:00:00Z"))).missing.photo).toBeDefined();
  });

  it("does not accept another person's upload, or one made for something else", async () => {
    const w = await world();
    const image = await png();
    const theirs = await storeChildUploads(db(), w.otherParent, { photo: { bytes: image, filename: "theirs.png" } });
    const certificate = await storeChildUploads(db(), w.parent, { birthCertificate: { bytes: image, filename: "certificate.png" } });
    expect(await ruleErrors(saveParentSection(db(), w.parent, w.id, { section: "photo", useCurrent: false, uploadId: theirs.stored.photo!.id, takenOn: "2026-11-01" }, NOW))).toEqual({
      photo: ["Upload a photograph of the child"],
    });
    expect(
      await ruleErrors(saveParentSection(db(), w.parent, w.id, { section: "photo", useCurrent: false, uploadId: certificate.stored.birthCertificate!.id, takenOn: "2026-11-01" }, NOW)),
    ).toEqual({ photo: ["Upload a photograph of the child"] });
  });

  it("asks for a birth certificate when neither the profile nor the application has one", async () => {
    const w = await world();
    await db().update(performanceApplications).set({ birthCertificateUploadId: null }).where(eq(performanceApplications.id, w.id));
    await db().update(children).set({ birthCertificateUploadId: null }).where(eq(children.id, w.child.id));
    expect(await ruleErrors(saveParentSection(db(), w.parent, w.id, { section: "birth-certificate" }, NOW))).toEqual({
      birthCertificate: ["Upload a copy of the child's birth certificate"],
    });
    const { stored } = await storeChildUploads(db(), w.parent, { birthCertificate: { bytes: await png(), filename: "scan.png" } });
    await saveParentSection(db(), w.parent, w.id, { section: "birth-certificate", uploadId: stored.birthCertificate!.id }, NOW);
    expect((await row(w.id)).birthCertificateUploadId).toBe(stored.birthCertificate!.id);
  });
});

describe("confirmParentPart", () => {
  it("refuses until every section is complete, naming each missing one", async () => {
    const w = await world();
    await saveParentSection(db(), w.parent, w.id, { section: "school", school: "listed", schoolId: w.school.id }, NOW);
    const errors = await ruleErrors(confirmParentPart(db(), w.parent, w.id, BASE, NOW));
    expect(errors).toEqual({
      health: ["Answer the health question"],
      "other-councils": ["Tell us about licences from other councils"],
      photo: ["Add a photograph taken in the last 6 months"],
      "birth-certificate": ["Add a copy of the birth certificate"],
      consent: ["Give your consent"],
    });
    expect((await row(w.id)).parentPartCompletedAt).toBeNull();
  });

  it("completes the part, audits it and emails the producer; any later change re-opens it until confirmed again", async () => {
    const w = await world();
    await answerEverything(w);
    expect(await row(w.id)).toMatchObject({
      photoUploadId: w.child.photoUploadId,
      photoTakenOn: "2026-09-01",
      birthCertificateUploadId: w.child.birthCertificateUploadId,
      consentName: "Priya Parent",
    });
    expect((await getParentPart(db(), w.parent, w.child.id, w.id, NOW)).partStatus).toBe("in-progress");

    const { outboxIds } = await confirmParentPart(db(), w.parent, w.id, BASE, NOW);
    expect(outboxIds).toHaveLength(1);
    expect((await row(w.id)).parentPartCompletedAt).toEqual(NOW);
    expect((await getParentPart(db(), w.parent, w.child.id, w.id, NOW)).partStatus).toBe("completed");
    const [mail] = await outboxFor(db(), w.producerUser.email);
    expect(mail).toMatchObject({ template: "licence-parent-part-complete" });
    expect(mail.props).toMatchObject({ name: "Pete Producer", childName: "Amelia Example", producerPartComplete: false, url: `${BASE}/producer/applications/${w.id}` });
    const audit = await auditFor(db(), "performance-application", w.id);
    expect(audit.at(-1)).toMatchObject({ action: "performance-application.parent-part-completed", actorUserId: w.parentUser.id });

    // confirming again changes nothing and sends nothing
    expect((await confirmParentPart(db(), w.parent, w.id, BASE, NOW)).outboxIds).toEqual([]);

    const later = new Date("2026-11-24T10:00:00Z");
    const { reopened } = await saveParentSection(db(), w.parent, w.id, { section: "other-councils", hasOtherCouncilDecisions: true, otherCouncilDetails: "Eastbrook granted one in June" }, later);
    expect(reopened).toBe(true);
    expect((await row(w.id)).parentPartCompletedAt).toBeNull();
    expect((await listParentApplications(db(), w.parent))[0].partStatusLabel).toBe("In progress");
    await confirmParentPart(db(), w.parent, w.id, BASE, later);
    expect((await row(w.id)).parentPartCompletedAt).toEqual(later);
    expect(await outboxFor(db(), w.producerUser.email)).toHaveLength(2);
  });

  it("tells the producer they can send it when their own part is complete already", async () => {
    const w = await world();
    await db().update(performanceApplications).set({ producerPartCompletedAt: NOW }).where(eq(performanceApplications.id, w.id));
    await answerEverything(w);
    await confirmParentPart(db(), w.parent, w.id, BASE, NOW);
    const [mail] = await outboxFor(db(), w.producerUser.email);
    expect(mail.props).toMatchObject({ producerPartComplete: true, url: `${BASE}/producer/applications/${w.id}/submit` });
  });
});

describe("who can see and change the parent's part", () => {
  it("is not found for the parent of another child, the producer, a mismatched child or a made-up id", async () => {
    const w = await world();
    for (const actor of [w.otherParent, w.producer]) {
      await expect(getParentPart(db(), actor, w.child.id, w.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(saveParentSection(db(), actor, w.id, { section: "consent", consentName: "Someone Else" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(confirmParentPart(db(), actor, w.id, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getParentPartFile(db(), actor, w.child.id, w.id, "photo")).rejects.toBeInstanceOf(NotFoundError);
    }
    const otherChild = await createChild(db(), { parentUserId: w.parentUser.id, homeAuthorityId: w.northmere.id });
    await expect(getParentPart(db(), w.parent, otherChild.id, w.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getParentPart(db(), w.parent, w.child.id, "not-a-uuid", NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getParentPartFile(db(), w.parent, w.child.id, w.id, "passport")).rejects.toBeInstanceOf(NotFoundError);
    expect(await listParentApplications(db(), w.otherParent)).toEqual([]);
    expect((await row(w.id)).consentName).toBeNull();
  });

  it("cannot be changed or confirmed once the application has been sent", async () => {
    const w = await world();
    await answerEverything(w);
    await db().update(performanceApplications).set({ status: "submitted" }).where(eq(performanceApplications.id, w.id));
    const part = await getParentPart(db(), w.parent, w.child.id, w.id, NOW);
    expect(part.editable).toBe(false);
    const message = "This application has been sent to the council, so you cannot change it now";
    await expect(saveParentSection(db(), w.parent, w.id, { section: "consent", consentName: "Changed" }, NOW)).rejects.toThrow(message);
    await expect(confirmParentPart(db(), w.parent, w.id, BASE, NOW)).rejects.toBeInstanceOf(RuleError);
    expect((await row(w.id)).consentName).toBe("Priya Parent");
  });
});

describe("the photograph page", () => {
  function post(cookie: string, path: string, fields: Record<string, string>, file?: { bytes: Buffer; name: string }) {
    const form = new FormData();
    form.set("csrf", TOKEN);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    if (file) form.set("photo", new File([new Uint8Array(file.bytes)], file.name));
    return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
  }

  it("keeps an uploaded photograph when the date needs correcting, then saves it", async () => {
    const w = await world({ photoTakenOn: "2020-01-01" });
    const cookie = await signedIn(w.parentUser);
    const path = `/children/${w.child.id}/applications/${w.id}/photo`;
    const params = { childId: w.child.id, applicationId: w.id };
    const context = routeContext();

    const first = await run(photoAction({ request: post(cookie, path, { photoChoice: "new" }, { bytes: await png(), name: "recent.png" }), context, params }));
    expect(first.status).toBe(400);
    const reply = await first.json();
    expect(reply.error).toEqual({ photoTakenOnDay: ["Enter the date the photograph was taken"] });
    const keptId = reply.initialValue.photoUploadId;
    expect(keptId).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.initialValue.photoUploadName).toBe("recent.png");

    const today = londonDate();
    const old = addDays(addMonths(today, -6), -1);
    const [y, m, d] = old.split("-");
    const stale = await run(
      photoAction({ request: post(cookie, path, { photoChoice: "new", photoUploadId: keptId, photoTakenOnDay: d, photoTakenOnMonth: m, photoTakenOnYear: y }), context, params }),
    );
    expect(stale.status).toBe(400);
    expect((await stale.json()).error).toEqual({ photoTakenOnDay: ["The photograph must have been taken in the last 6 months"] });

    const [ty, tm, td] = today.split("-");
    const saved = await run(
      photoAction({ request: post(cookie, path, { photoChoice: "new", photoUploadId: keptId, photoTakenOnDay: td, photoTakenOnMonth: tm, photoTakenOnYear: ty }), context, params }),
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/children/${w.child.id}/applications/${w.id}/birth-certificate`);
    expect(await row(w.id)).toMatchObject({ photoUploadId: keptId, photoTakenOn: today });

    // a file that is not a picture is a GOV.UK error on the file input
    const bad = await run(photoAction({ request: post(cookie, path, { photoChoice: "new", intent: "later" }, { bytes: Buffer.from("MZ not an image"), name: "x.jpg" }), context, params }));
    expect((await bad.json()).error).toMatchObject({ photo: ["The selected file must be a JPG or PNG"] });
  });
});
