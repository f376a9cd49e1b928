import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bopaApplications } from "#db/schema/bopa";
import { authoritySettings } from "#db/schema/chaperones";
import { exemptPerformances } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { createBopaApplication } from "#db/factories-bopa";
import { findCoveringBopa } from "~/domain/bopa.server";
import { getBopaApplication } from "~/domain/bopa/getBopaApplication";
import { getBopaUpload } from "~/domain/bopa/getBopaUpload";
import { getMyBopaApplication } from "~/domain/bopa/getMyBopaApplication";
import { grantBopaApplication } from "~/domain/bopa/grantBopaApplication";
import { listBopaQueue } from "~/domain/bopa/listBopaQueue";
import { listBopaRegister } from "~/domain/bopa/listBopaRegister";
import { listMyBopaApplications } from "~/domain/bopa/listMyBopaApplications";
import { refuseBopaApplication } from "~/domain/bopa/refuseBopaApplication";
import { revokeBopaApproval } from "~/domain/bopa/revokeBopaApproval";
import { BOPA_STANDARD_CONDITIONS } from "~/domain/bopa/rules";
import { findPublicDocument } from "~/domain/documents/findPublicDocument";
import { varyDocument } from "~/domain/documents/varyDocument";
import { NotFoundError, } from "~/domain/errors";
import { action as officerAction, loader as officerLoader } from "~/routes/officer.bopa.$applicationId";
import { startSession } from "~/server/session.server";
import { actorFor, auditFor, createAuthority, createChild, createOrganisation, createProduction, createUser, outboxFor } from "../factories";
import { useTestDatabase } from "../setup/db";
import { ruleErrors } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
/** A fixed clock: Monday 23 November 2026, 10:00 in London. */
const NOW = new Date("2026-11-23T10:00:00Z");
const TODAY = "2026-11-23";
const ALL = BOPA_STANDARD_CONDITIONS.map((c) => c.id);

async function world() {
  const north = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const east = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council" });
  const company = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const rival = await createOrganisation(db(), { kind: "producer", name: "Rival Theatre Ltd" });
  const producerUser = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  const producer = actorFor(producerUser, [{ role: "producer", organisationId: company.id }]);
  const rivalProducer = actorFor(await createUser(db(), { name: "Rita Rival" }), [{ role: "producer", organisationId: rival.id }]);
  const officerN = actorFor(await createUser(db(), { name: "Olive Officer" }), [{ role: "officer", authorityId: north.id }]);
  const officerE = actorFor(await createUser(db(), { name: "Omar Officer" }), [{ role: "officer", authorityId: east.id }]);
  const ladoN = actorFor(await createUser(db(), { name: "Lee LADO" }), [{ role: "lado", authorityId: north.id }]);
  const application = await createBopaApplication(db(), {
    organisationId: company.id,
    hostAuthorityId: north.id,
    submittedByUserId: producerUser.id,
    periodFrom: "2027-01-10",
    periodTo: "2027-06-30",
    submittedAt: new Date("2026-11-20T09:00:00Z"),
  });
  return { north, east, company, rival, producerUser, producer, rivalProducer, officerN, officerE, ladoN, application, id: application.id };
}

const grant = (w: Awaited<ReturnType<typeof world>>, overrides: Partial<Parameters<typeof grantBopaApplication>[3]> = {}) =>
  grantBopaApplication(db(), w.officerN, w.id, { standardConditions: ALL, customConditions: "", validFrom: "2027-01-10", validTo: "2027-06-30", ...overrides }, BASE, NOW);

describe("grantBopaApplication", () => {
  it("issues the signed approval to the organisation with the chosen conditions, marks it granted, audits and emails, in one go", async () => {
    const w = await world();
    const result = await grant(w, {
      standardConditions: ["no-payment", "inspection"],
      customConditions: "Only at the venues named.\n\n  No performances after 21:30.  ",
      validFrom: "2027-01-15",
    });
    expect(result.reference).toMatch(/^NMC-BA-2026-\d{6}$/);
    const conditions = [
      "No payment is made to any child or to anyone for a child, beyond expenses.",
      "The council may inspect any performance or rehearsal.",
      "Only at the venues named.",
      "No performances after 21:30.",
    ];
    const [row] = await db().select().from(bopaApplications).where(eq(bopaApplications.id, w.id));
    expect(row).toMatchObject({ status: "granted", documentId: result.documentId, conditions, decidedByUserId: w.officerN.userId, decidedAt: NOW });
    const [doc] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.id, result.documentId));
    expect(doc).toMatchObject({
      kind: "bopa-approval",
      authorityId: w.north.id,
      organisationId: w.company.id,
      holderName: "Footlights Productions Ltd",
      holderEmail: w.producerUser.email,
      validFrom: "2027-01-15",
      validTo: "2027-06-30",
      status: "valid",
    });
    const content = doc.content as { conditions: string[]; details: { label: string; value: string }[] };
    expect(content.conditions).toEqual(conditions);
    expect(content.details).toEqual(
      expect.arrayContaining([
        { label: "Performances", value: "Youth theatre summer season" },
        { label: "Children", value: "Up to 30 children, aged 8 to 15" },
        { label: "Safeguarding lead", value: "Sam Safeguard" },
        { label: "Application", value: w.application.reference },
      ]),
    );
    expect(doc.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const events = await auditFor(db(), "bopa-application", w.id);
    expect(events.map((e) => e.action)).toEqual(["bopa.granted"]);
    expect(events[0].after).toMatchObject({ status: "granted", approval: result.reference });
    const mail = await outboxFor(db(), w.producerUser.email);
    expect(mail.map((m) => m.template)).toEqual(["bopa-granted"]);
    expect(mail[0].props).toMatchObject({ reference: result.reference, applicationReference: w.application.reference, url: `${BASE}/producer/bopa/${w.id}` });
    // the producer sees it, with its approval to download
    const mine = await listMyBopaApplications(db(), w.producer);
    expect(mine.applications[0]).toMatchObject({ reference: w.application.reference, status: "granted", approvalReference: result.reference, periodFrom: "2027-01-15" });
    // and it cannot be granted twice
    expect(await ruleErrors(grant(w))).toEqual({ "": ["This application’s status is granted: it cannot be granted now"] });
  });

  it("keeps the approval within the authority's months, and needs real dates and at least one condition", async () => {
    const w = await world();
    await db().insert(authoritySettings).values({ authorityId: w.north.id, bopaMaxMonths: 6 });
    expect(await ruleErrors(grant(w, { validFrom: "2027-01-10", validTo: "2027-07-10" }))).toEqual({ validToDay: ["The approval can cover up to 6 months"] });
    expect(await ruleErrors(grant(w, { validFrom: "2027-01-10", validTo: "2027-01-09" }))).toEqual({
      validToDay: ["The date the approval ends must be the same as or after the date it starts"],
    });
    expect(await ruleErrors(grant(w, { validFrom: "2026-01-10", validTo: "2026-11-22" }))).toEqual({ validToDay: ["The date the approval ends must be today or in the future"] });
    expect(await ruleErrors(grant(w, { standardConditions: [], customConditions: " \n " }))).toEqual({ standardConditions: ["Select or enter at least one condition"] });
    expect(await ruleErrors(grant(w, { standardConditions: ["made-up"] }))).toEqual({ standardConditions: ["Select conditions from the list"] });
    const [row] = await db().select().from(bopaApplications).where(eq(bopaApplications.id, w.id));
    expect(row.status).toBe("submitted");
    expect(await db().select().from(issuedDocuments)).toEqual([]);
  });
});

describe("refuseBopaApplication", () => {
  it("needs reasons, then refuses, audits and emails the producer the reasons", async () => {
    const w = await world();
    expect(await ruleErrors(refuseBopaApplication(db(), w.officerN, w.id, "  ", BASE, NOW))).toEqual({
      reasons: ["Enter the reasons for refusing, which are sent to the producer"],
    });
    expect(await refuseBopaApplication(db(), w.officerN, w.id, "The risk assessment does not cover the second venue.", BASE, NOW)).toMatchObject({ status: "refused" });
    const [row] = await db().select().from(bopaApplications).where(eq(bopaApplications.id, w.id));
    expect(row).toMatchObject({ status: "refused", decisionReason: "The risk assessment does not cover the second venue.", decidedAt: NOW, documentId: null });
    expect((await auditFor(db(), "bopa-application", w.id)).map((e) => e.action)).toEqual(["bopa.refused"]);
    const [mail] = await outboxFor(db(), w.producerUser.email);
    expect(mail).toMatchObject({ template: "bopa-refused", props: { reasons: "The risk assessment does not cover the second venue.", reference: w.application.reference } });
    const view = await getMyBopaApplication(db(), w.producer, w.id);
    expect(view).toMatchObject({ status: "refused", decisionReason: "The risk assessment does not cover the second venue.", approval: null });
    // a refused application cannot be granted or revoked
    expect(await ruleErrors(grant(w))).toEqual({ "": ["This application’s status is refused: it cannot be granted now"] });
    expect(await ruleErrors(revokeBopaApproval(db(), w.officerN, w.id, "No", BASE, NOW))).toEqual({ "": ["This application’s status is refused: it cannot be revoked now"] });
  });
});

describe("revokeBopaApproval", () => {
  it("revokes a granted approval in the register with the reason, marks the application revoked and emails the holder", async () => {
    const w = await world();
    const { reference } = await grant(w);
    expect(await ruleErrors(revokeBopaApproval(db(), w.officerN, w.id, "", BASE, NOW))).toEqual({ reason: ["Enter the reason for revoking, which is sent to the producer"] });
    expect(await revokeBopaApproval(db(), w.officerN, w.id, "Children were paid.", BASE, NOW)).toMatchObject({ status: "revoked", reference });
    const [row] = await db().select().from(bopaApplications).where(eq(bopaApplications.id, w.id));
    expect(row).toMatchObject({ status: "revoked", decisionReason: "Children were paid." });
    const [doc] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.reference, reference));
    expect(doc).toMatchObject({ status: "revoked", statusReason: "Children were paid." });
    expect((await findPublicDocument(db(), reference, TODAY))?.status).toBe("revoked");
    expect((await auditFor(db(), "bopa-application", w.id)).map((e) => e.action)).toEqual(["bopa.granted", "bopa.revoked"]);
    expect((await auditFor(db(), "document", doc.id)).map((e) => e.action)).toEqual(["document.issued", "document.revoked"]);
    expect((await outboxFor(db(), w.producerUser.email)).map((m) => m.template)).toEqual(["bopa-granted", "document-status-changed"]);
    expect(await findCoveringBopa(db(), w.company.id, w.north.id, ["2027-02-01"])).toBeNull();
  });
});

describe("an officer of another authority, or anyone else", () => {
  it("gets not found for the application, its files and every decision; nothing changes", async () => {
    const w = await world();
    const E = w.officerE;
    await expect(getBopaApplication(db(), E, w.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBopaUpload(db(), E, w.id, "child-protection-policy")).rejects.toBeInstanceOf(NotFoundError);
    await expect(grantBopaApplication(db(), E, w.id, { standardConditions: ALL, validFrom: "2027-01-10", validTo: "2027-06-30" }, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(refuseBopaApplication(db(), E, w.id, "No", BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeBopaApproval(db(), E, w.id, "No", BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listBopaQueue(db(), E)).waiting).toEqual([]);
    // nor the LADO of the host authority, a producer, or a malformed id
    await expect(getBopaApplication(db(), w.ladoN, w.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBopaApplication(db(), w.producer, w.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBopaApplication(db(), w.officerN, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBopaUpload(db(), w.officerN, w.id, "passport")).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db().select().from(bopaApplications).where(eq(bopaApplications.id, w.id));
    expect(row.status).toBe("submitted");
    expect(await auditFor(db(), "bopa-application", w.id)).toEqual([]);
  });

  it("a producer of another organisation can't see the application", async () => {
    const w = await world();
    await expect(getMyBopaApplication(db(), w.rivalProducer, w.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMyBopaApplications(db(), w.rivalProducer)).applications).toEqual([]);
    expect((await getMyBopaApplication(db(), w.producer, w.id)).reference).toBe(w.application.reference);
  });
});

describe("the officer's view", () => {
  it("queues submitted applications oldest first, then decided ones; shows the files and the organisation's history", async () => {
    const w = await world();
    const older = await createBopaApplication(db(), { organisationId: w.rival.id, hostAuthorityId: w.north.id, late: true, submittedAt: new Date("2026-11-01T09:00:00Z") });
    const decided = await createBopaApplication(db(), { organisationId: w.company.id, hostAuthorityId: w.north.id, status: "refused", decisionReason: "Incomplete" });
    await createBopaApplication(db(), { organisationId: w.company.id, hostAuthorityId: w.east.id });
    const queue = await listBopaQueue(db(), w.officerN);
    expect(queue.waiting.map((a) => [a.id, a.late])).toEqual([
      [older.id, true],
      [w.id, false],
    ]);
    expect(queue.decided.map((a) => a.id)).toEqual([decided.id]);

    const production = await createProduction(db(), { organisationId: w.company.id, hostAuthorityId: w.north.id, createdByUserId: w.producerUser.id, title: "Oliver!" });
    const parent = await createUser(db(), { memberships: [{ role: "parent" }] });
    const child = await createChild(db(), { parentUserId: parent.id, homeAuthorityId: w.north.id });
    for (const date of ["2026-10-01", "2026-10-02"]) {
      await db().insert(exemptPerformances).values({
        productionId: production.id,
        organisationId: w.company.id,
        childId: child.id,
        basis: "four-day-rule",
        dates: [date],
        check: {},
        homeAuthorityId: w.north.id,
        hostAuthorityId: w.north.id,
        recordedByUserId: w.producerUser.id,
      });
    }
    const view = await getBopaApplication(db(), w.officerN, w.id, TODAY);
    expect(view).toMatchObject({ organisationName: "Footlights Productions Ltd", hostName: "Northmere Council", submittedBy: { name: "Pete Producer" }, grant: { validFrom: "2027-01-10", validTo: "2027-06-30", maxMonths: 12 } });
    expect(view.uploads.policy?.filename).toBe("child-protection-policy.pdf");
    expect(view.history.exemptPerformances).toEqual([{ productionId: production.id, title: "Oliver!", count: 2 }]);
    expect(view.history.otherApplications.map((o) => [o.hostName, o.statusLabel])).toEqual(
      expect.arrayContaining([
        ["Northmere Council", "Refused"],
        ["Eastbrook City Council", "Submitted"],
      ]),
    );
    expect(view.history.documents).toEqual([]);
    const file = await getBopaUpload(db(), w.officerN, w.id, "risk-assessment");
    expect(file).toMatchObject({ contentType: "application/pdf", filename: "risk-assessment.pdf" });

    await grant(w);
    const after = await getBopaApplication(db(), w.officerN, decided.id, TODAY);
    expect(after.history.documents.map((d) => [d.title, d.statusLabel])).toEqual([["Body of persons approval", "Valid (not started yet)"]]);
  });
});

describe("findCoveringBopa", () => {
  it("finds the organisation's valid approval from that host covering every date, and nothing else", async () => {
    const w = await world();
    const granted = await createBopaApplication(db(), {
      organisationId: w.company.id,
      hostAuthorityId: w.north.id,
      status: "granted",
      approval: { validFrom: "2027-03-01", validTo: "2027-08-31" },
    });
    const found = await findCoveringBopa(db(), w.company.id, w.north.id, ["2027-05-02", "2027-03-01", "2027-08-31"]);
    expect(found).toMatchObject({ id: granted.id, reference: granted.reference, documentId: granted.documentId, periodFrom: "2027-03-01", periodTo: "2027-08-31" });
    expect(found?.approvalReference).toMatch(/^NMC-BA-\d{4}-\d{6}$/);
    // a date outside, another host, another organisation, no dates
    expect(await findCoveringBopa(db(), w.company.id, w.north.id, ["2027-05-02", "2027-09-01"])).toBeNull();
    expect(await findCoveringBopa(db(), w.company.id, w.north.id, ["2027-02-28"])).toBeNull();
    expect(await findCoveringBopa(db(), w.company.id, w.east.id, ["2027-05-02"])).toBeNull();
    expect(await findCoveringBopa(db(), w.rival.id, w.north.id, ["2027-05-02"])).toBeNull();
    expect(await findCoveringBopa(db(), w.company.id, w.north.id, [])).toBeNull();
    // a submitted (ungranted) application covers nothing
    expect(await findCoveringBopa(db(), w.company.id, w.north.id, ["2027-01-20"])).toBeNull();
    // suspended or revoked in the register: not covered
    await db().update(issuedDocuments).set({ status: "suspended" }).where(eq(issuedDocuments.id, granted.documentId!));
    expect(await findCoveringBopa(db(), w.company.id, w.north.id, ["2027-05-02"])).toBeNull();
    const revoked = await createBopaApplication(db(), { organisationId: w.rival.id, hostAuthorityId: w.north.id, status: "revoked", approval: { validFrom: "2027-03-01", validTo: "2027-08-31" } });
    expect(revoked.documentId).toBeTruthy();
    expect(await findCoveringBopa(db(), w.rival.id, w.north.id, ["2027-05-02"])).toBeNull();
  });
});

describe("a varied approval", () => {
  it("still covers the dates: the application follows its approval to the replacement", async () => {
    const w = await world();
    const granted = await grant(w);
    const varied = await varyDocument(db(), w.officerN, granted.reference, { validTo: "2027-08-31", reason: "Summer concert added" }, BASE);
    const found = await findCoveringBopa(db(), w.company.id, w.north.id, ["2027-08-01"]);
    expect(found).toMatchObject({ id: w.id, approvalReference: varied.reference });
  });
});

describe("listBopaRegister", () => {
  it("lists only current approvals (granted, valid, not ended), by organisation, with no personal data", async () => {
    const w = await world();
    const current = await createBopaApplication(db(), { organisationId: w.rival.id, hostAuthorityId: w.east.id, status: "granted", approval: { validFrom: "2026-06-01", validTo: "2027-05-31" } });
    const future = await createBopaApplication(db(), { organisationId: w.company.id, hostAuthorityId: w.north.id, status: "granted", approval: { validFrom: "2027-01-01", validTo: "2027-06-30" } });
    await createBopaApplication(db(), { organisationId: w.company.id, hostAuthorityId: w.north.id, status: "granted", approval: { validFrom: "2025-06-01", validTo: "2026-11-22" } });
    await createBopaApplication(db(), { organisationId: w.company.id, hostAuthorityId: w.north.id, status: "revoked", approval: { validFrom: "2026-06-01", validTo: "2027-05-31" } });
    await createBopaApplication(db(), { organisationId: w.company.id, hostAuthorityId: w.north.id, status: "granted", approval: { validFrom: "2026-06-01", validTo: "2027-05-31", status: "suspended" } });
    await createBopaApplication(db(), { organisationId: w.company.id, hostAuthorityId: w.north.id, status: "refused" });
    const register = await listBopaRegister(db(), TODAY);
    const refs = async (id: string) => (await db().select().from(issuedDocuments).where(eq(issuedDocuments.id, id)))[0].reference;
    expect(register).toEqual([
      { organisationName: "Footlights Productions Ltd", hostName: "Northmere Council", performances: "Youth theatre summer season", validFrom: "2027-01-01", validTo: "2027-06-30", reference: await refs(future.documentId!) },
      { organisationName: "Rival Theatre Ltd", hostName: "Eastbrook City Council", performances: "Youth theatre summer season", validFrom: "2026-06-01", validTo: "2027-05-31", reference: await refs(current.documentId!) },
    ]);
    expect(JSON.stringify(register)).not.toContain("Sam Safeguard");
  });
});

describe("the officer's application page", () => {
  const TOKEN = "t".repeat(43);
  const context = { csrfToken: TOKEN, cspNonce: "n", ip: "198.51.100.7", baseUrl: BASE };
  const cookieFor = async (user: { id: string }) =>
    (await startSession(new Request("http://localhost/"), user.id, { staff: true, ip: null })).split(";")[0];
  const run = async (promise: Promise<unknown>) => {
    try {
      return (await promise) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };

  it("grants with the one condition left ticked; another council's officer gets not found", async () => {
    const w = await world();
    const officer = await createUser(db(), { name: "Olive Officer", memberships: [{ role: "officer", authorityId: w.north.id }] });
    const eastOfficer = await createUser(db(), { name: "Omar Officer", memberships: [{ role: "officer", authorityId: w.east.id }] });
    const url = `http://localhost/officer/bopa/${w.id}`;
    const denied = await run(officerLoader({ request: new Request(url, { headers: { Cookie: await cookieFor(eastOfficer) } }), context, params: { applicationId: w.id } }));
    expect(denied.status).toBe(404);

    const form = new FormData();
    for (const [k, v] of Object.entries({ csrf: TOKEN, intent: "grant", standardConditions: "no-payment", customConditions: "Only at the Playhouse." })) form.set(k, v);
    for (const [k, v] of Object.entries({ validFromDay: "10", validFromMonth: "1", validFromYear: "2098", validToDay: "30", validToMonth: "6", validToYear: "2098" })) form.set(k, v);
    const cookie = await cookieFor(officer);
    const byEast = await run(officerAction({ request: new Request(url, { method: "POST", body: form, headers: { Cookie: await cookieFor(eastOfficer) } }), context, params: { applicationId: w.id } }));
    expect(byEast.status).toBe(404);
    const granted = await run(officerAction({ request: new Request(url, { method: "POST", body: form, headers: { Cookie: cookie } }), context, params: { applicationId: w.id } }));
    expect(granted.status).toBe(302);
    expect(granted.headers.get("Location")).toBe(`/officer/bopa/${w.id}?done=granted`);
    const [row] = await db().select().from(bopaApplications).where(eq(bopaApplications.id, w.id));
    expect(row.conditions).toEqual(["No payment is made to any child or to anyone for a child, beyond expenses.", "Only at the Playhouse."]);
  });
});
