import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEmploymentPermit } from "#db/factories-employment";
import { createChaperoneApproval } from "#db/factories-licences";
import { createSchoolConsultation } from "#db/factories-school";
import { auditEvents } from "#db/schema/audit";
import { issuedDocuments } from "#db/schema/documents";
import { escalateClocks } from "~/domain/clocks/escalateClocks";
import { listOfficerClocks } from "~/domain/clocks/listClocks";
import { listLicenceQueue } from "~/domain/licences/listLicenceQueue";
import { raiseConcern } from "~/domain/safeguarding/raiseConcern";
import { getAuthoritySettings } from "~/domain/settings/getAuthoritySettings";
import { updateAuthoritySettings } from "~/domain/settings/updateAuthoritySettings";
import { action as settingsAction } from "~/routes/admin.settings";
import {
  actorFor,
  createAuthority,
  createChild,
  createOrganisation,
  createPerformanceApplication,
  createProduction,
  createUser,
  outboxFor,
} from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, run, signedIn, TOKEN } from "../setup/routes";
import { publicConcern } from "./lado-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
/** Monday 7 December 2026, 10:00 in London. */
const NOW = new Date("2026-12-07T10:00:00Z");
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

/** One Northmere item for every clock, some that must not be listed, and an Eastbrook one. */
async function clockWorld() {
  const nmc = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const ebc = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council" });
  const officerUser = await createUser(db(), { name: "Olive Officer", memberships: [{ role: "officer", authorityId: nmc.id }] });
  const ladoUser = await createUser(db(), { name: "Lara LADO", memberships: [{ role: "lado", authorityId: nmc.id }] });
  const eastOfficer = await createUser(db(), { name: "Omar Officer", memberships: [{ role: "officer", authorityId: ebc.id }] });
  const admin = actorFor(await createUser(db()), [{ role: "admin", authorityId: nmc.id }]);
  const parent = await createUser(db(), { name: "Pat Parent" });
  const company = await createOrganisation(db(), { name: "Footlights", kind: "producer" });
  const production = await createProduction(db(), { organisationId: company.id, hostAuthorityId: nmc.id, createdByUserId: parent.id, title: "Cinderella" });
  const child = async (firstName: string, home = nmc.id) => createChild(db(), { parentUserId: parent.id, homeAuthorityId: home, firstName });
  const application = async (firstName: string, reference: string, status: "submitted" | "granted" | "awaiting-school" | "information-requested", firstDay: string, home = nmc.id) =>
    createPerformanceApplication(
      db(),
      { productionId: production.id, organisationId: company.id, childId: (await child(firstName, home)).id, authorityId: home, status, reference },
      [{ date: firstDay }],
    );
  const soon = await application("Ava", "NMC-PA-2026-000001", "submitted", "2026-12-09");
  const today = await application("Ben", "NMC-PA-2026-000002", "submitted", "2026-12-07");
  await application("Cal", "NMC-PA-2026-000003", "submitted", "2026-12-30");
  await application("Dee", "NMC-PA-2026-000004", "granted", "2026-12-08");
  const school = await application("Eve", "NMC-PA-2026-000005", "awaiting-school", "2027-01-20");
  const consultation = await createSchoolConsultation(db(), { applicationId: school.id, dueOn: "2026-12-04" }, { now: at("2026-11-27") });
  const info = await application("Fin", "NMC-PA-2026-000006", "information-requested", "2027-02-01");
  await db().insert(auditEvents).values({ actorLabel: "Olive Officer", action: "licence.information-requested", recordType: "performance-application", recordId: info.id, at: at("2026-11-20") });
  await application("Gus", "EBC-PA-2026-000001", "submitted", "2026-12-07", ebc.id);
  const permit = await createEmploymentPermit(db(), {
    authorityId: nmc.id,
    childId: (await child("Hal")).id,
    parentUserId: parent.id,
    status: "submitted",
    late: true,
    startDate: "2026-11-20",
    reference: "NMC-EP-2026-000001",
  });
  const expiring = await createChaperoneApproval(db(), { authorityId: nmc.id, holderName: "Casey Chaperone", validTo: "2026-12-08" });
  const later = await createChaperoneApproval(db(), { authorityId: nmc.id, holderName: "Dana Chaperone", validTo: "2026-12-20" });
  await createChaperoneApproval(db(), { authorityId: nmc.id, holderName: "Eli Chaperone", validTo: "2027-06-30" });
  const bopa = await createChaperoneApproval(db(), { authorityId: nmc.id, holderName: "Footlights", validTo: "2027-01-03" });
  await db().update(issuedDocuments).set({ kind: "bopa-approval" }).where(eq(issuedDocuments.id, bopa.id));
  return {
    nmc,
    ebc,
    officerUser,
    ladoUser,
    eastOfficer,
    admin,
    soon,
    today,
    school,
    consultation: consultation.consultation,
    info,
    permit,
    expiring,
    later,
    bopa,
    officer: actorFor(officerUser, [{ role: "officer", authorityId: nmc.id }]),
  };
}

describe("the officer's deadlines", () => {
  it("lists exactly the items due, most urgent first, with counts; another council's are not there", async () => {
    const w = await clockWorld();
    const { items, counts, breached } = await listOfficerClocks(db(), w.officer, { now: NOW });
    expect(items.map((i) => [i.stage, i.kind, i.reference, i.dueOn])).toEqual([
      ["breached", "late-permit", "NMC-EP-2026-000001", "2026-11-27"],
      ["breached", "school-answer", "NMC-PA-2026-000005", "2026-12-04"],
      ["breached", "information", "NMC-PA-2026-000006", "2026-12-04"],
      ["breached", "first-performance", "NMC-PA-2026-000002", "2026-12-07"],
      ["due-soon", "chaperone-expiry", w.expiring.reference, "2026-12-08"],
      ["due-soon", "first-performance", "NMC-PA-2026-000001", "2026-12-09"],
      ["running", "chaperone-expiry", w.later.reference, "2026-12-20"],
      ["running", "bopa-ending", w.bopa.reference, "2027-01-03"],
    ]);
    expect(counts).toEqual({ "first-performance": 2, "school-answer": 1, information: 1, "late-permit": 1, "chaperone-expiry": 2, "bopa-ending": 1 });
    expect(breached).toBe(4);
    expect(items.find((i) => i.kind === "first-performance" && i.stage === "due-soon")?.about).toBe("Ava Example, Cinderella");
    // the counts lead to filtered queues that hold the same applications
    const queue = await listLicenceQueue(db(), w.officer, ["soon"], { now: NOW });
    expect(queue.waiting.map((a) => a.reference).sort()).toEqual(["NMC-PA-2026-000001", "NMC-PA-2026-000002"]);
    expect(queue.counts).toMatchObject({ soon: 2, "school-overdue": 1 });
    expect((await listLicenceQueue(db(), w.officer, ["school-overdue"], { now: NOW })).waiting.map((a) => a.reference)).toEqual(["NMC-PA-2026-000005"]);
    expect((await listOfficerClocks(db(), actorFor(w.eastOfficer, [{ role: "officer", authorityId: w.ebc.id }]), { now: NOW })).items.map((i) => i.reference)).toEqual([
      "EBC-PA-2026-000001",
    ]);
  });
});

describe("the daily escalation", () => {
  it("emails each item once per stage to the officers and the manager's address; LADO matters go to the LADO only", async () => {
    const w = await clockWorld();
    await updateAuthoritySettings(db(), w.admin, w.nmc.id, { escalationEmail: "licensing-manager@northmere.example" });
    await raiseConcern(db(), actorFor(null), publicConcern(w, { happenedOn: "2026-12-04" }), BASE, { now: at("2026-12-04") });

    await escalateClocks(db(), BASE, { now: NOW });
    const [first] = await outboxFor(db(), w.officerUser.email);
    expect(first).toMatchObject({ template: "clock-escalation", props: { authorityName: "Northmere Council", url: `${BASE}/officer` } });
    const sent = (first.props as { items: { reference: string; breached: boolean }[] }).items;
    expect(sent.map((i) => [i.reference, i.breached]).sort()).toEqual(
      [
        ["NMC-PA-2026-000006", true],
        ["NMC-PA-2026-000005", true],
        ["NMC-PA-2026-000002", true],
        ["NMC-EP-2026-000001", true],
        [w.expiring.reference, false],
        ["NMC-PA-2026-000001", false],
      ].sort(),
    );
    const [manager] = await outboxFor(db(), "licensing-manager@northmere.example");
    expect((manager.props as { items: unknown }).items).toEqual((first.props as { items: unknown }).items);
    const [lado] = await outboxFor(db(), w.ladoUser.email).then((rows) => rows.filter((r) => r.template === "clock-escalation"));
    expect(lado.props).toMatchObject({ url: `${BASE}/lado`, items: [{ what: "Concern waiting for a LADO decision", breached: false, dueOn: "2026-12-07" }] });
    expect(JSON.stringify(lado.props)).not.toContain("grab");
    expect((await outboxFor(db(), w.officerUser.email)).length).toBe(1);
    expect(await outboxFor(db(), w.eastOfficer.email)).toHaveLength(1);

    // the same day again: nothing new
    await escalateClocks(db(), BASE, { now: NOW });
    expect(await outboxFor(db(), w.officerUser.email)).toHaveLength(1);

    // Wednesday: Ava's first performance has come (breached), Casey's approval has lapsed; the LADO concern is overdue
    await escalateClocks(db(), BASE, { now: at("2026-12-09") });
    const second = (await outboxFor(db(), w.officerUser.email))[1];
    expect((second.props as { items: { reference: string; breached: boolean }[] }).items.map((i) => [i.reference, i.breached]).sort()).toEqual(
      [
        ["NMC-PA-2026-000001", true],
        [w.expiring.reference, true],
      ].sort(),
    );
    const ladoMails = (await outboxFor(db(), w.ladoUser.email)).filter((r) => r.template === "clock-escalation");
    expect(ladoMails).toHaveLength(2);
    expect(ladoMails[1].props).toMatchObject({ items: [{ breached: true }] });
  });
});

describe("the admin's deadline settings", () => {
  it("saves the decision target and the manager's address, and answers a bad address with a GOV.UK error", async () => {
    const w = await clockWorld();
    const adminUser = await createUser(db(), { memberships: [{ role: "admin", authorityId: w.nmc.id }] });
    const cookie = await signedIn(adminUser);
    const form = (fields: Record<string, string>) => {
      const body = new FormData();
      body.set("csrf", TOKEN);
      const base = {
        chaperoneLicenceYears: "3",
        exemptAbsenceAllowed: "no",
        exemptBroadcastAllowed: "no",
        bopaMaxMonths: "12",
        schoolResponseWorkingDays: "5",
        consultSchoolAlways: "no",
        employmentLatest: "19:00",
        employmentSchoolStarts: "08:45",
        employmentSchoolEnds: "15:15",
        closureDays: "29/12/2026",
        licenceDecisionTargetWorkingDays: "15",
      };
      for (const [k, v] of Object.entries({ ...base, ...fields })) body.set(k, v);
      return new Request("http://localhost/admin/settings", { method: "POST", body, headers: { Cookie: cookie } });
    };
    const bad = await run(settingsAction({ request: form({ escalationEmail: "not an address" }), context: routeContext(), params: {} }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toEqual({ escalationEmail: ["Enter an email address in the correct format, like name@example.com"] });
    const saved = await run(settingsAction({ request: form({ escalationEmail: "Manager@Northmere.example" }), context: routeContext(), params: {} }));
    expect(saved.status).toBe(302);
    expect(await getAuthoritySettings(db(), w.nmc.id)).toMatchObject({ licenceDecisionTargetWorkingDays: 15, escalationEmail: "manager@northmere.example", closureDays: ["2026-12-29"] });
  });
});
