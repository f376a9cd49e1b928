import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { performanceDays } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import { outbox } from "#db/schema/notifications";
import { createProductionCast } from "#db/factories-licences";
import { createSchoolConsultation } from "#db/factories-school";
import { NotFoundError } from "~/domain/errors";
import { DECIDE_ALONE, grantProductionLicences, listProductionForGrant } from "~/domain/licences-officer.server";
import { LICENCE_STANDARD_CONDITIONS } from "~/domain/licences/rules";
import { action, loader } from "~/routes/officer.productions.$productionId.grant";
import { actorFor, auditFor, createAuthority, createOrganisation, createUser } from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, ruleErrors, run, signedIn, TOKEN } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
const NOW = new Date("2027-02-01T10:00:00Z");
const ALL = LICENCE_STANDARD_CONDITIONS.map((c) => c.id);

/**
 * Footlights' "Cinderella" with a cast of four Northmere children: the first two ready, the third's school objected
 * (decided on its own page), the fourth's schedule breaks the hours rules (found only when granting).
 */
async function world() {
  const north = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const east = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council" });
  const company = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const producer = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  const officerUser = await createUser(db(), { name: "Olive Officer", memberships: [{ role: "officer", authorityId: north.id }] });
  const officer = actorFor(officerUser, [{ role: "officer", authorityId: north.id }]);
  const eastOfficerUser = await createUser(db(), { name: "Omar Officer", memberships: [{ role: "officer", authorityId: east.id }] });
  const eastOfficer = actorFor(eastOfficerUser, [{ role: "officer", authorityId: east.id }]);
  const { production, applications } = await createProductionCast(db(), { authorityId: north.id, organisationId: company.id, producerUserId: producer.id, size: 4 });
  await createSchoolConsultation(db(), { applicationId: applications[2].id, email: "head@school.example", response: "object", grounds: ["education"], respondedAt: NOW });
  await db()
    .update(scheduleDays)
    .set({ arrive: "09:00", depart: "21:00", performing: [{ start: "10:00", end: "20:00" }], breaks: [] })
    .where(eq(scheduleDays.applicationId, applications[3].id));
  return { north, production, applications, officer, officerUser, eastOfficer, eastOfficerUser, ids: applications.map((a) => a.id) };
}

const statuses = async (ids: string[]) =>
  Object.fromEntries((await db().select({ id: performanceApplications.id, status: performanceApplications.status }).from(performanceApplications).where(inArray(performanceApplications.id, ids))).map((r) => [r.id, r.status]));

describe("granting a production's licences together", () => {
  it("lists the applications waiting, saying which must be decided on their own page", async () => {
    const w = await world();
    const found = await listProductionForGrant(db(), w.officer, w.production.id);
    expect(found.production).toMatchObject({ title: "Cinderella", organisationName: "Footlights Productions Ltd" });
    expect(found.applications.map((a) => [a.childName, a.decideAlone])).toEqual([
      ["Child1 Cast", []],
      ["Child2 Cast", []],
      ["Child3 Cast", [DECIDE_ALONE.objection]],
      ["Child4 Cast", []],
    ]);
    await expect(listProductionForGrant(db(), w.eastOfficer, w.production.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listProductionForGrant(db(), w.officer, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("grants each ready licence in full, and reports the rest without holding them up", async () => {
    const w = await world();
    const { granted, notGranted } = await grantProductionLicences(db(), w.officer, w.production.id, { applicationIds: w.ids, standardConditions: ALL }, BASE, NOW);
    expect(granted.map((g) => [g.childName, g.licence])).toEqual([
      ["Child1 Cast", "NMC-PL-2027-000001"],
      ["Child2 Cast", "NMC-PL-2027-000002"],
    ]);
    expect(notGranted.map((n) => n.childName)).toEqual(["Child3 Cast", "Child4 Cast"]);
    expect(notGranted[0].problems).toEqual([DECIDE_ALONE.objection]);
    expect(notGranted[1].problems.join(" ")).toMatch(/HOURS-/);

    expect(await statuses(w.ids)).toEqual({ [w.ids[0]]: "granted", [w.ids[1]]: "granted", [w.ids[2]]: "submitted", [w.ids[3]]: "submitted" });
    const documents = await db().select().from(issuedDocuments);
    expect(documents.map((d) => d.reference).sort()).toEqual(["NMC-PL-2027-000001", "NMC-PL-2027-000002"]);
    expect((await db().select().from(performanceDays)).length).toBe(4);
    expect((await auditFor(db(), "performance-application")).filter((a) => a.action === "licence.granted")).toHaveLength(2);
    // the producer and each child's parent, for each licence
    expect((await db().select().from(outbox).where(eq(outbox.template, "licence-granted"))).length).toBe(4);

    // granting again changes nothing: the two granted are no longer waiting
    const again = await grantProductionLicences(db(), w.officer, w.production.id, { applicationIds: w.ids.slice(0, 2), standardConditions: ALL }, BASE, NOW);
    expect(again.granted).toEqual([]);
    expect(again.notGranted.map((n) => n.problems)).toEqual([["The application is no longer waiting for a decision"], ["The application is no longer waiting for a decision"]]);
    expect((await db().select().from(issuedDocuments)).length).toBe(2);
  });

  it("needs applications and conditions, and grants nothing without them", async () => {
    const w = await world();
    expect(await ruleErrors(grantProductionLicences(db(), w.officer, w.production.id, { applicationIds: [], standardConditions: [] }, BASE, NOW))).toEqual({
      applicationIds: ["Select the applications to grant"],
      standardConditions: ["Select or enter at least one condition"],
    });
    await expect(grantProductionLicences(db(), w.eastOfficer, w.production.id, { applicationIds: w.ids, standardConditions: ALL }, BASE, NOW)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db().select().from(issuedDocuments)).toEqual([]);
  });
});

describe("the grant-together page", () => {
  const context = routeContext(BASE);
  const post = async (url: string, user: { id: string }, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams({ csrf: TOKEN });
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
    return new Request(url, { method: "POST", body, headers: { Cookie: await signedIn(user), "Content-Type": "application/x-www-form-urlencoded" } });
  };

  it("redirects when every chosen licence is granted, shows those not granted otherwise, and is not found for another council", async () => {
    const w = await world();
    const url = `${BASE}/officer/productions/${w.production.id}/grant`;
    const params = { productionId: w.production.id };

    const all = await run(action({ request: await post(url, w.officerUser, { applicationIds: w.ids.slice(0, 2), standardConditions: ALL }), context, params }));
    expect(all.status).toBe(302);
    expect(all.headers.get("Location")).toBe(`/officer/productions/${w.production.id}/grant?granted=2`);

    const some = await run(action({ request: await post(url, w.officerUser, { applicationIds: w.ids.slice(2), standardConditions: ALL }), context, params }));
    expect(some.status).toBe(200);
    const body = (await some.json()) as { outcome: { granted: number; notGranted: { childName: string }[] } };
    expect(body.outcome.granted).toBe(0);
    expect(body.outcome.notGranted.map((n) => n.childName)).toEqual(["Child3 Cast", "Child4 Cast"]);

    const empty = await run(action({ request: await post(url, w.officerUser, { standardConditions: ALL }), context, params }));
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await empty.json())).toContain("Select the applications to grant");

    const page = await run(loader({ request: new Request(`${url}?granted=2`, { headers: { Cookie: await signedIn(w.officerUser) } }), context, params }));
    const data = (await page.json()) as { granted: number; applications: { childName: string }[] };
    expect(data.granted).toBe(2);
    expect(data.applications.map((a) => a.childName)).toEqual(["Child3 Cast", "Child4 Cast"]);

    const denied = await run(loader({ request: new Request(url, { headers: { Cookie: await signedIn(w.eastOfficerUser) } }), context, params }));
    expect(denied.status).toBe(404);
    const deniedPost = await run(action({ request: await post(url, w.eastOfficerUser, { applicationIds: w.ids.slice(2), standardConditions: ALL }), context, params }));
    expect(deniedPost.status).toBe(404);
    expect(await statuses(w.ids.slice(2))).toEqual({ [w.ids[2]]: "submitted", [w.ids[3]]: "submitted" });
  });
});
