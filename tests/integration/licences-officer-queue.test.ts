import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { issuedDocuments } from "#db/schema/documents";
import { performanceApplications, scheduleDays, schoolConsultations } from "#db/schema/licences";
import { uploads } from "#db/schema/uploads";
import { createPdfUpload } from "#db/factories-bopa";
import { createChaperoneApproval } from "#db/factories-licences";
import { demoPhoto } from "~/domain/documents/demoPhoto";
import { NotFoundError } from "~/domain/errors";
import { getLicenceApplication, getOfficerLicenceFile, listLicenceQueue } from "~/domain/licences-officer.server";
import { loader as fileLoader } from "~/routes/officer.licences.$applicationId.files.$file";
import { action as applicationAction, loader as applicationLoader } from "~/routes/officer.licences.$applicationId";
import { loader as queueLoader } from "~/routes/officer.licences._index";
import { action as replyAction, loader as replyLoader } from "~/routes/producer.applications.$applicationId.information";
import {
  actorFor,
  auditFor,
  createAuthority,
  createChild,
  createOrganisation,
  createPerformanceApplication,
  createPerformanceDays,
  createProduction,
  createSchool,
  createUsedShare,
  createUser,
} from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, run, signedIn, TOKEN } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext("http://portal.test");
const TODAY = "2027-02-01";
const AT = new Date(`${TODAY}T10:00:00Z`);

/** Northmere's queue: children of Footlights' cast at every stage, and one Eastbrook child. */
async function world() {
  const north = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const east = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council" });
  const school = await createSchool(db(), { authorityId: north.id, name: "Northmere Primary School" });
  const company = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const producerUser = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  const rival = await createOrganisation(db(), { kind: "producer", name: "Rival Theatre Ltd" });
  const rivalUser = await createUser(db(), { name: "Rita Rival", memberships: [{ role: "producer", organisationId: rival.id }] });
  const parentUser = await createUser(db(), { name: "Priya Parent", memberships: [{ role: "parent" }] });
  const officerUser = await createUser(db(), { name: "Olive Officer", memberships: [{ role: "officer", authorityId: north.id }] });
  const officerN = actorFor(officerUser, [{ role: "officer", authorityId: north.id }]);
  const eastOfficerUser = await createUser(db(), { name: "Omar Officer", memberships: [{ role: "officer", authorityId: east.id }] });
  const officerE = actorFor(eastOfficerUser, [{ role: "officer", authorityId: east.id }]);
  const production = await createProduction(db(), {
    organisationId: company.id,
    hostAuthorityId: north.id,
    createdByUserId: producerUser.id,
    title: "Spring showcase",
    kind: "amateur",
    venueName: "Northmere Playhouse",
    venuePostcode: "NM1 1AA",
  });
  let n = 0;
  const apply = async (
    name: string,
    columns: Partial<typeof performanceApplications.$inferInsert>,
    dates: string[],
    home: { id: string } = north,
  ) => {
    const child = await createChild(db(), { parentUserId: parentUser.id, homeAuthorityId: home.id, firstName: name, lastName: "Example", dateOfBirth: "2015-03-14", schoolId: school.id });
    await createUsedShare(db(), { childId: child.id, productionId: production.id, parentUserId: parentUser.id });
    const application = await createPerformanceApplication(
      db(),
      {
        productionId: production.id,
        organisationId: company.id,
        childId: child.id,
        authorityId: home.id,
        status: "submitted",
        reference: columns.status === "draft" ? null : `${home === north ? "NMC" : "EBC"}-PA-2027-${String(++n).padStart(6, "0")}`,
        submittedAt: new Date("2027-01-20T09:00:00Z"),
        ...columns,
      },
      dates.map((date) => ({ date, chaperone: "parent" as const })),
    );
    return { child, application };
  };
  const amelia = await apply("Amelia", { paid: false, schoolId: school.id, consentName: "Priya Parent" }, ["2027-03-07", "2027-03-06"]);
  const bella = await apply("Bella", { status: "under-review", late: true }, ["2027-02-20"]);
  const cara = await apply("Cara", { status: "information-requested", assignedOfficerUserId: officerUser.id }, ["2027-04-01"]);
  const dora = await apply("Dora", { status: "draft" }, ["2027-02-10"]);
  const emma = await apply("Emma", { status: "granted" }, ["2027-01-10"]);
  const faye = await apply("Faye", {}, ["2027-02-15"], east);
  const gina = await apply("Gina", {}, []);
  await db()
    .insert(schoolConsultations)
    .values({ applicationId: bella.application.id, schoolId: school.id, email: "head@example.org", tokenHash: "b".repeat(64), expiresAt: new Date("2027-02-10T00:00:00Z"), dueOn: "2027-01-27", response: "object", grounds: ["education"], reasons: "Too much school missed.", respondedAt: new Date("2027-01-26T10:00:00Z") });
  return { north, east, school, company, producerUser, rivalUser, parentUser, officerUser, officerN, eastOfficerUser, officerE, production, amelia, bella, cara, dora, emma, faye, gina };
}

describe("listLicenceQueue", () => {
  it("lists the authority's submitted and later applications by first performance, with flags, officer and counts; never drafts or another council's", async () => {
    const w = await world();
    const queue = await listLicenceQueue(db(), w.officerN, [], { now: AT });
    expect(queue.waiting.map((a) => [a.childName, a.firstDate, a.statusLabel])).toEqual([
      ["Bella Example", "2027-02-20", "Being reviewed"],
      ["Amelia Example", "2027-03-06", "Submitted"],
      ["Cara Example", "2027-04-01", "More information needed"],
      ["Gina Example", null, "Submitted"],
    ]);
    expect(queue.decided.map((a) => [a.childName, a.status])).toEqual([["Emma Example", "granted"]]);
    expect(queue.waiting[0]).toMatchObject({
      reference: w.bella.application.reference,
      productionTitle: "Spring showcase",
      organisationName: "Footlights Productions Ltd",
      flags: { late: true, objection: true, information: false },
      assignedTo: null,
    });
    expect(queue.waiting[2]).toMatchObject({ flags: { late: false, objection: false, information: true }, assignedTo: "Olive Officer", assignedToMe: true });
    expect(queue.counts).toEqual({ all: 5, soon: 0, "school-overdue": 0, late: 1, objection: 1, information: 1, mine: 1 });

    const east = await listLicenceQueue(db(), w.officerE, [], { now: AT });
    expect(east.waiting.map((a) => a.childName)).toEqual(["Faye Example"]);
    expect(east.counts.all).toBe(1);
    const producer = actorFor(w.producerUser, [{ role: "producer", organisationId: w.company.id }]);
    expect(await listLicenceQueue(db(), producer)).toMatchObject({ waiting: [], decided: [], counts: { all: 0 } });
  });

  it("filters by late, school objection, waiting for information and assigned to me, all together", async () => {
    const w = await world();
    const names = async (filters: Parameters<typeof listLicenceQueue>[2]) => {
      const q = await listLicenceQueue(db(), w.officerN, filters, { now: AT });
      return [...q.waiting, ...q.decided].map((a) => a.childName);
    };
    expect(await names(["late"])).toEqual(["Bella Example"]);
    expect(await names(["objection"])).toEqual(["Bella Example"]);
    expect(await names(["information"])).toEqual(["Cara Example"]);
    expect(await names(["mine"])).toEqual(["Cara Example"]);
    expect(await names(["late", "objection"])).toEqual(["Bella Example"]);
    expect(await names(["late", "mine"])).toEqual([]);
    // the counts never change with the filters
    expect((await listLicenceQueue(db(), w.officerN, ["late", "mine"], { now: AT })).counts).toEqual({ all: 5, soon: 0, "school-overdue": 0, late: 1, objection: 1, information: 1, mine: 1 });
  });
});

describe("getLicenceApplication", () => {
  it("shows both parts, the hours and chaperone checks, the timeline, the files, the child's record and four-day count, and the school's answer", async () => {
    const w = await world();
    const id = w.amelia.application.id;
    const approval = await createChaperoneApproval(db(), { authorityId: w.east.id, holderName: "Charlie Chaperone" });
    await db()
      .update(scheduleDays)
      .set({ chaperone: "chaperone", chaperoneDocumentId: approval.id, schoolDay: true })
      .where(and(eq(scheduleDays.applicationId, id), eq(scheduleDays.date, "2027-03-06")));
    const photo = demoPhoto("amelia");
    const bytes = Buffer.from(photo.bytes);
    const [upload] = await db()
      .insert(uploads)
      .values({ ownerUserId: w.parentUser.id, purpose: "child-photo", filename: "amelia.png", contentType: "image/png", size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), bytes })
      .returning();
    const contract = await createPdfUpload(db(), w.producerUser.id, "licence-contract", "contract.pdf");
    await db()
      .update(performanceApplications)
      .set({ photoUploadId: upload.id, contractUploadId: contract.id, tutorName: "Tess Tutor", tutorHoursPerDay: 3, pupilsPerTutor: 4 })
      .where(eq(performanceApplications.id, id));
    await createPerformanceDays(db(), w.amelia.child.id, ["2026-08-01", "2026-10-10", "2026-12-12", "2027-03-01"], { productionTitle: "Choir", organiserName: "Northmere Youth Choir", authorityId: w.north.id });
    await db()
      .insert(schoolConsultations)
      .values({ applicationId: id, schoolId: w.school.id, email: "head@example.org", tokenHash: "a".repeat(64), expiresAt: new Date("2027-02-10T00:00:00Z"), dueOn: "2027-01-27" });

    const page = await getLicenceApplication(db(), w.officerN, id, TODAY);
    expect(page).toMatchObject({
      reference: w.amelia.application.reference,
      status: "submitted",
      child: { name: "Amelia Example", dateOfBirth: "2015-03-14" },
      production: { title: "Spring showcase", organisationName: "Footlights Productions Ltd", hostName: "Northmere Council", producer: { name: "Pete Producer" } },
      parentName: "Priya Parent",
      assigned: null,
      parentPart: { school: "Northmere Primary School", consentName: "Priya Parent" },
      files: { photo: { filename: "amelia.png", isImage: true }, birthCertificate: null, contract: { filename: "contract.pdf", isImage: false } },
      school: { response: null, dueOn: "2027-01-27", clock: { overdue: true } },
    });
    const [sat, sun] = page.producerPart.days;
    expect(sat).toMatchObject({ date: "2027-03-06", atVenue: "17:30–21:00", performing: "19:00–20:30", breaks: "Meal 18:00–18:45", schoolDay: true });
    expect(sat.chaperone).toEqual({ label: `Charlie Chaperone (${approval.reference})`, named: true, problems: [] });
    expect(sun.chaperone).toEqual({ label: "The child's parent", named: false, problems: [] });
    expect(sat.timeline).toMatch(/^<svg[^>]*role="img"/);
    expect(page.producerPart).toMatchObject({ findings: [], needsNightPermission: false, schoolDaysMissed: ["2027-03-06"], education: { tutorName: "Tess Tutor", tutorHoursPerDay: 3 } });
    // every day on record, newest first; the four-day count looks at the 6 months before 6 March 2027
    expect(page.performanceHistory.map((h) => h.date)).toEqual(["2027-03-01", "2026-12-12", "2026-10-10", "2026-08-01"]);
    expect(page.fourDayCount).toEqual({ firstDate: "2027-03-06", from: "2026-09-06", counted: ["2026-10-10", "2026-12-12", "2027-03-01"], limit: 3 });

    // The named chaperone's approval is revoked: the page says so now.
    await db().update(issuedDocuments).set({ status: "revoked" }).where(eq(issuedDocuments.id, approval.id));
    const later = await getLicenceApplication(db(), w.officerN, id, TODAY);
    expect(later.producerPart.days[0].chaperone.problems).toEqual([expect.stringMatching(/is revoked, so they cannot be the chaperone on Sat 6 March 2027 \(CHAP-VALID\)$/)]);
    expect(later.producerPart.chaperoneFindings).toHaveLength(1);

    // The files, for this council's officers only.
    expect(await getOfficerLicenceFile(db(), w.officerN, id, "photo")).toMatchObject({ contentType: "image/png", filename: "amelia.png" });
    await expect(getOfficerLicenceFile(db(), w.officerE, id, "photo")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOfficerLicenceFile(db(), w.officerN, id, "birth-certificate")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOfficerLicenceFile(db(), w.officerN, id, "passport")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows the school's objection with its grounds and reasons", async () => {
    const w = await world();
    const page = await getLicenceApplication(db(), w.officerN, w.bella.application.id, TODAY);
    expect(page.school).toMatchObject({ response: "object", grounds: ["Education"], reasons: "Too much school missed.", clock: { overdue: false } });
    expect(page.late).toBe(true);
  });

  it("is not found for another council's officer, a draft, or a malformed id", async () => {
    const w = await world();
    await expect(getLicenceApplication(db(), w.officerE, w.amelia.application.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getLicenceApplication(db(), w.officerN, w.faye.application.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getLicenceApplication(db(), w.officerN, w.dora.application.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getLicenceApplication(db(), w.officerN, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });
});

const get = async (url: string, user: { id: string }) => new Request(url, { headers: { Cookie: await signedIn(user) } });
const post = async (url: string, user: { id: string }, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ csrf: TOKEN });
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return new Request(url, { method: "POST", body, headers: { Cookie: await signedIn(user), "Content-Type": "application/x-www-form-urlencoded" } });
};

describe("the officer's pages", () => {
  it("reads the queue's filters from the address, ignoring unknown ones", async () => {
    const w = await world();
    const response = await run(queueLoader({ request: await get("http://portal.test/officer/licences?filter=late&filter=nonsense&filter=late", w.officerUser), context, params: {} }));
    const data = await response.json();
    expect(data.filters).toEqual(["late"]);
    expect(data.waiting.map((a: { childName: string }) => a.childName)).toEqual(["Bella Example"]);
    const parent = await run(queueLoader({ request: await get("http://portal.test/officer/licences", w.parentUser), context, params: {} }));
    expect(parent.status).toBe(403);
  });

  it("opens an application for this council's officer only, and grants it from the form", async () => {
    const w = await world();
    const id = w.bella.application.id;
    const url = `http://portal.test/officer/licences/${id}`;
    expect((await run(applicationLoader({ request: await get(url, w.eastOfficerUser), context, params: { applicationId: id } }))).status).toBe(404);
    expect((await run(applicationLoader({ request: await get(url, w.officerUser), context, params: { applicationId: id } }))).status).toBe(200);

    const byEast = await run(applicationAction({ request: await post(url, w.eastOfficerUser, { intent: "assign" }), context, params: { applicationId: id } }));
    expect(byEast.status).toBe(404);
    const assigned = await run(applicationAction({ request: await post(url, w.officerUser, { intent: "assign" }), context, params: { applicationId: id } }));
    expect(assigned.headers.get("Location")).toBe(`/officer/licences/${id}?done=assigned`);

    // Bella's school objected: the answer is needed, and what was typed comes back.
    const missing = await run(
      applicationAction({ request: await post(url, w.officerUser, { intent: "grant", standardConditions: ["chaperone", "hours"], customConditions: "Only on stage" }), context, params: { applicationId: id } }),
    );
    expect(missing.status).toBe(400);
    const reply = await missing.json();
    expect(reply.error).toEqual({ objectionAnswer: ["Enter your answer to the school's objection"] });
    expect(reply.initialValue).toMatchObject({ standardConditions: ["chaperone", "hours"], customConditions: "Only on stage" });

    const granted = await run(
      applicationAction({
        request: await post(url, w.officerUser, { intent: "grant", standardConditions: ["chaperone"], objectionAnswer: "It is the February half-term." }),
        context,
        params: { applicationId: id },
      }),
    );
    expect(granted.headers.get("Location")).toBe(`/officer/licences/${id}?done=granted`);
    expect((await auditFor(db(), "performance-application", id)).map((e) => e.action)).toEqual(["licence.assigned", "licence.granted"]);
  });

  it("downloads the files privately, and only for this council's officers", async () => {
    const w = await world();
    const id = w.amelia.application.id;
    const contract = await createPdfUpload(db(), w.producerUser.id, "licence-contract", "contract.pdf");
    await db().update(performanceApplications).set({ contractUploadId: contract.id }).where(eq(performanceApplications.id, id));
    const url = `http://portal.test/officer/licences/${id}/files/contract`;
    const ok = await run(fileLoader({ request: await get(url, w.officerUser), context, params: { applicationId: id, file: "contract" } }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Cache-Control")).toBe("private, no-store");
    expect(ok.headers.get("Content-Disposition")).toBe('attachment; filename="contract.pdf"');
    expect((await run(fileLoader({ request: await get(url, w.eastOfficerUser), context, params: { applicationId: id, file: "contract" } }))).status).toBe(404);
    expect((await run(fileLoader({ request: await get(url, w.producerUser), context, params: { applicationId: id, file: "contract" } }))).status).toBe(403);
    expect((await run(fileLoader({ request: await get(url, w.officerUser), context, params: { applicationId: id, file: "photo" } }))).status).toBe(404);
  });
});

describe("the producer's reply page", () => {
  it("shows the council's question to the producer, takes the reply, and is not found for another organisation", async () => {
    const w = await world();
    const id = w.cara.application.id;
    await db().update(performanceApplications).set({ informationRequested: "Who is the tutor?" }).where(eq(performanceApplications.id, id));
    const url = `http://portal.test/producer/applications/${id}/information`;
    const page = await run(replyLoader({ request: await get(url, w.producerUser), context, params: { applicationId: id } }));
    expect((await page.json()).application).toMatchObject({ waiting: true, requested: "Who is the tutor?", childName: "Cara Example" });
    expect((await run(replyLoader({ request: await get(url, w.rivalUser), context, params: { applicationId: id } }))).status).toBe(404);

    const empty = await run(replyAction({ request: await post(url, w.producerUser, { reply: " " }), context, params: { applicationId: id } }));
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toEqual({ reply: ["Enter your reply"] });
    const sent = await run(replyAction({ request: await post(url, w.producerUser, { reply: "Tess Tutor" }), context, params: { applicationId: id } }));
    expect(sent.headers.get("Location")).toBe(`/producer/applications/${id}/information?sent`);
    const [row] = await db().select().from(performanceApplications).where(eq(performanceApplications.id, id));
    expect(row).toMatchObject({ status: "under-review", informationReply: "Tess Tutor" });
  });
});
