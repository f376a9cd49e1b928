import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { issuedDocuments } from "#db/schema/documents";
import { concerns, ladoHolds, ladoReferrals } from "#db/schema/safeguarding";
import { getBopaApplication } from "~/domain/bopa/getBopaApplication";
import { grantBopaApplication } from "~/domain/bopa/grantBopaApplication";
import { getDocument } from "~/domain/documents/listDocuments";
import { NotFoundError, RuleError } from "~/domain/errors";
import { getLicenceApplication } from "~/domain/licences/getLicenceApplication";
import { grantPerformanceLicence } from "~/domain/licences/grantPerformanceLicence";
import { listLicenceQueue } from "~/domain/licences/listLicenceQueue";
import { addCaseMember } from "~/domain/safeguarding/addCaseMember";
import { bookedChaperones } from "~/domain/safeguarding/concernChoices";
import { getCase } from "~/domain/safeguarding/getCase";
import { HOLD_LABEL } from "~/domain/safeguarding/labels";
import { listLadoCases, listNewConcernsForOfficer } from "~/domain/safeguarding/listLadoCases";
import { raiseConcern } from "~/domain/safeguarding/raiseConcern";
import { recordCaseLink } from "~/domain/safeguarding/recordCaseLink";
import { recordOutcome } from "~/domain/safeguarding/recordOutcome";
import { triageConcern } from "~/domain/safeguarding/triageConcern";
import { updateAuthoritySettings } from "~/domain/settings/updateAuthoritySettings";
import { createBopaApplication } from "#db/factories-bopa";
import { actorFor, auditFor, createUser, outboxFor } from "../factories";
import { useTestDatabase } from "../setup/db";
import { BASE, ladoWorld, NOW, publicConcern, suspendByOfficer } from "./lado-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();

const refer = { decision: "refer" as const, categories: ["harm", "unsuitable"], reason: "Physical harm alleged by a witness" };

async function licenceStatus(id: string) {
  const [doc] = await db().select({ status: issuedDocuments.status, reason: issuedDocuments.statusReason }).from(issuedDocuments).where(eq(issuedDocuments.id, id));
  return doc;
}

describe("raising a concern", () => {
  it("stores a public concern, acknowledges it with the reference only and tells the LADO without the details", async () => {
    const w = await ladoWorld(db());
    const { reference, outboxIds } = await raiseConcern(db(), w.public, publicConcern(w), BASE, { now: NOW });
    expect(reference).toMatch(/^CON-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(outboxIds).toHaveLength(2);
    const [row] = await db().select().from(concerns).where(eq(concerns.reference, reference));
    expect(row).toMatchObject({ authorityId: w.nmc.id, receivedOn: "2026-12-07", status: "new", reporterUserId: null, subjectName: "Sam Stagehand", reporterEmail: "rita@example.com" });
    const [ack] = await outboxFor(db(), "rita@example.com");
    expect(ack).toMatchObject({ template: "concern-received", props: { reference, authorityName: "Northmere Council" } });
    expect(JSON.stringify(ack.props)).not.toContain("grab");
    const [alert] = await outboxFor(db(), w.ladoUser.email);
    expect(alert).toMatchObject({ template: "concern-for-lado", props: { reference, dueBy: "Tue 8 December 2026", url: `${BASE}/lado/cases/${reference}` } });
    expect(JSON.stringify(alert.props)).not.toContain("grab");
    expect(await outboxFor(db(), w.officerUser.email)).toEqual([]);
    const [audit] = await auditFor(db(), "concern", row.id);
    expect(audit).toMatchObject({ action: "concern.raised", actorLabel: "public" });
  });

  it("rejects an empty description, a future date and a 10,000-character field with clear messages", async () => {
    const w = await ladoWorld(db());
    const error = await raiseConcern(
      db(),
      w.public,
      publicConcern(w, { whatHappened: "   ", happenedOn: "2026-12-08", actionTaken: "x".repeat(10_000), reporterRelationship: "y".repeat(10_000) }),
      BASE,
      { now: NOW },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect(error.fieldErrors).toEqual({
      whatHappened: ["Enter what happened"],
      happenedOnDay: ["The date it happened must be today or in the past"],
      actionTaken: ["What has been done must be 5000 characters or fewer"],
      reporterRelationship: ["How you know them must be 500 characters or fewer"],
    });
    expect(await db().select().from(concerns)).toEqual([]);
    const noCouncil = await raiseConcern(db(), w.public, publicConcern(w, { authorityId: "'; drop table concerns; --" }), BASE, { now: NOW }).catch((e) => e);
    expect(noCouncil.fieldErrors).toEqual({ authorityId: ["Select the council"] });
  });

  it("lets a parent name a chaperone booked for their child, and no one else's", async () => {
    const w = await ladoWorld(db());
    expect(await bookedChaperones(db(), w.parent)).toEqual([{ reference: w.licence.reference, name: "Casey Chaperone", production: "Snow Queen", authorityId: w.nmc.id }]);
    expect((await bookedChaperones(db(), w.producer)).map((c) => c.reference)).toEqual([w.licence.reference]);
    expect(await bookedChaperones(db(), actorFor(await createUser(db()), [{ role: "parent" }]))).toEqual([]);
    const input = publicConcern(w, { subjectChaperone: w.licence.reference, subjectName: "", subjectRole: "" });
    const stranger = actorFor(await createUser(db()), [{ role: "parent" }]);
    const refused = await raiseConcern(db(), stranger, input, BASE, { now: NOW }).catch((e) => e);
    expect(refused.fieldErrors).toEqual({ subjectChaperone: ["Select a chaperone from the list, or someone else"] });
    const { reference } = await raiseConcern(db(), w.parent, input, BASE, { now: NOW });
    const [row] = await db().select().from(concerns).where(eq(concerns.reference, reference));
    expect(row).toMatchObject({ subjectDocumentId: w.licence.id, subjectName: "Casey Chaperone", subjectRole: "chaperone", reporterUserId: w.parentUser.id });
  });
});

describe("triage, holds and outcomes", () => {
  async function referredChaperone(w: Awaited<ReturnType<typeof ladoWorld>>) {
    const { reference } = await raiseConcern(db(), w.parent, publicConcern(w, { subjectChaperone: w.licence.reference }), BASE, { now: NOW });
    await triageConcern(db(), w.lado, reference, refer, BASE, { now: NOW });
    return reference;
  }

  it("refers a concern about a chaperone: the licence is suspended at once and applications naming them on a future date are held", async () => {
    const w = await ladoWorld(db());
    const reference = await referredChaperone(w);
    expect(await licenceStatus(w.licence.id)).toEqual({ status: "suspended", reason: HOLD_LABEL });
    const holds = await db().select().from(ladoHolds);
    expect(holds.map((h) => [h.kind, h.recordId]).sort()).toEqual(
      [
        ["chaperone-licence", w.licence.id],
        ["performance-application", w.application.id],
      ].sort(),
    );
    // officers see the hold and nothing of the allegation
    const view = await getLicenceApplication(db(), w.officer, w.application.id);
    expect(view.hold).toEqual({ ladoAuthority: "Northmere Council", promptRevoke: false });
    expect(JSON.stringify(view)).not.toContain("Physical harm");
    expect((await getLicenceApplication(db(), w.officer, w.pastApplication.id)).hold).toBeNull();
    const queue = await listLicenceQueue(db(), w.officer, []);
    expect(queue.waiting.find((a) => a.id === w.application.id)?.flags.onHold).toBe(true);
    expect((await getDocument(db(), w.officer, w.licence.reference)).hold).not.toBeNull();
    const grant = await grantPerformanceLicence(db(), w.officer, w.application.id, { standardConditions: [] }, BASE, NOW).catch((e) => e);
    expect(grant).toBeInstanceOf(RuleError);
    expect(grant.fieldErrors[""]).toContain(`${HOLD_LABEL}: the licence cannot be granted while the hold is in place`);
    const [referral] = await db().select().from(ladoReferrals);
    expect(referral).toMatchObject({ categories: ["harm", "unsuitable"], referredOn: "2026-12-07" });
    const [audit] = (await auditFor(db(), "concern")).filter((a) => a.action === "concern.referred");
    expect(audit.after).toMatchObject({ categories: ["harm", "unsuitable"], holds: 2 });
    const c = await getCase(db(), w.lado, reference, { now: NOW });
    expect(c.clock.state).toBe("met");
    // the officers of the deciding council are told what is held, and whom to contact
    const [told] = await outboxFor(db(), w.officerUser.email);
    expect(told).toMatchObject({
      template: "lado-hold-placed",
      props: { records: [`Chaperone licence ${w.licence.reference}`, "Performance licence application NMC-PA-2026-000101"], ladoAuthorityName: "Northmere Council" },
    });
    expect(JSON.stringify(told.props)).not.toContain("Physical harm");
  });

  it("holds an organisation's pending applications and BOPA when the concern is about its staff", async () => {
    const w = await ladoWorld(db());
    const bopa = await createBopaApplication(db(), { organisationId: w.company.id, hostAuthorityId: w.nmc.id });
    const { reference } = await raiseConcern(db(), w.public, publicConcern(w), BASE, { now: NOW });
    await triageConcern(db(), w.lado, reference, { ...refer, organisationId: w.company.id }, BASE, { now: NOW });
    const held = (await db().select().from(ladoHolds)).map((h) => h.recordId).sort();
    expect(held).toEqual([w.application.id, bopa.id].sort());
    expect((await getBopaApplication(db(), w.officer, bopa.id)).hold).toEqual({ ladoAuthority: "Northmere Council", promptRevoke: false });
    const grant = await grantBopaApplication(db(), w.officer, bopa.id, { standardConditions: [], validFrom: "2027-01-01", validTo: "2027-03-31" }, BASE, NOW).catch((e) => e);
    expect(grant.fieldErrors[""]).toEqual([`${HOLD_LABEL}: the approval cannot be granted while the hold is in place`]);
  });

  it("asks for the categories and the reason, and decides a concern once", async () => {
    const w = await ladoWorld(db());
    const { reference } = await raiseConcern(db(), w.public, publicConcern(w), BASE, { now: NOW });
    const error = await triageConcern(db(), w.lado, reference, { decision: "refer", categories: ["made-up"], reason: " " }, BASE, { now: NOW }).catch((e) => e);
    expect(error.fieldErrors).toEqual({ categories: ["Select how the threshold is met"], reason: ["Enter why"] });
    const badOrganisation = await triageConcern(db(), w.lado, reference, { ...refer, organisationId: "not-an-id" }, BASE, { now: NOW }).catch((e) => e);
    expect(badOrganisation.fieldErrors).toEqual({ organisationId: ["Select an organisation from the list"] });
    await triageConcern(db(), w.lado, reference, { decision: "no-further-action", categories: [], reason: "A disagreement about rehearsal times" }, BASE, { now: NOW });
    expect(await db().select().from(ladoHolds)).toEqual([]);
    const again = await triageConcern(db(), w.lado, reference, refer, BASE, { now: NOW }).catch((e) => e);
    expect(again.fieldErrors).toEqual({ "": ["This concern has already been decided"] });
  });

  it("an unfounded outcome lifts the holds and reinstates the licence; the hold stays on its record", async () => {
    const w = await ladoWorld(db());
    const reference = await referredChaperone(w);
    const result = await recordOutcome(db(), w.lado, reference, { outcome: "unfounded", outcomeOn: "2026-12-07", notes: "" }, { now: NOW });
    expect(result).toMatchObject({ holdsLifted: 2, promptRevoke: false, removedFromLicensingRecord: false, retentionReviewOn: "2036-12-07" });
    expect((await licenceStatus(w.licence.id)).status).toBe("valid");
    expect((await getLicenceApplication(db(), w.officer, w.application.id)).hold).toBeNull();
    const history = (await getDocument(db(), w.officer, w.licence.reference)).history.map((e) => e.action);
    expect(history).toEqual(["document.reinstated", "document.suspended"]);
  });

  it("a false outcome removes the hold from the licensing record, not from the LADO record", async () => {
    const w = await ladoWorld(db());
    const reference = await referredChaperone(w);
    await recordCaseLink(db(), w.lado, reference, { caseReference: "LADO/2026/0042", caseAddress: "", subjectDateOfBirth: "1990-02-01" }, { now: NOW });
    const result = await recordOutcome(db(), w.lado, reference, { outcome: "false", outcomeOn: "2026-12-07", notes: "Witness withdrew" }, { now: NOW });
    // normal pension age (67) is later than 10 years on
    expect(result).toMatchObject({ removedFromLicensingRecord: true, retentionReviewOn: "2057-02-01" });
    expect((await licenceStatus(w.licence.id)).status).toBe("valid");
    expect((await getDocument(db(), w.officer, w.licence.reference)).history).toEqual([]);
    expect((await getLicenceApplication(db(), w.officer, w.application.id)).events.map((e) => e.action)).not.toContain("lado.hold-placed");
    const c = await getCase(db(), w.lado, reference, { now: NOW });
    expect(c.holds.every((h) => h.liftedAt)).toBe(true);
    expect(c.history.map((e) => e.action)).toContain("concern.referred");
  });

  it("a substantiated outcome keeps the holds and asks the officer to revoke", async () => {
    const w = await ladoWorld(db());
    const reference = await referredChaperone(w);
    await recordOutcome(db(), w.lado, reference, { outcome: "substantiated", outcomeOn: "2026-12-07", notes: "" }, { now: NOW });
    expect((await licenceStatus(w.licence.id)).status).toBe("suspended");
    expect((await getDocument(db(), w.officer, w.licence.reference)).hold).toEqual({ ladoAuthority: "Northmere Council", promptRevoke: true });
    const again = await recordOutcome(db(), w.lado, reference, { outcome: "unfounded", outcomeOn: "2026-12-07", notes: "" }, { now: NOW }).catch((e) => e);
    expect(again.fieldErrors).toEqual({ "": ["The outcome has already been recorded"] });
  });

  it("leaves a licence an officer had already suspended suspended when the hold is lifted", async () => {
    const w = await ladoWorld(db());
    await suspendByOfficer(db(), w);
    const reference = await referredChaperone(w);
    await recordOutcome(db(), w.lado, reference, { outcome: "unsubstantiated", outcomeOn: "2026-12-07", notes: "" }, { now: NOW });
    expect(await licenceStatus(w.licence.id)).toEqual({ status: "suspended", reason: "Lapsed DBS" });
  });

  it("rejects an outcome dated in the future or before the concern", async () => {
    const w = await ladoWorld(db());
    const reference = await referredChaperone(w);
    const future = await recordOutcome(db(), w.lado, reference, { outcome: "unfounded", outcomeOn: "2026-12-08", notes: "" }, { now: NOW }).catch((e) => e);
    expect(future.fieldErrors).toEqual({ outcomeOnDay: ["The date of the outcome must be today or in the past"] });
    const before = await recordOutcome(db(), w.lado, reference, { outcome: "unfounded", outcomeOn: "2026-12-01", notes: "" }, { now: NOW }).catch((e) => e);
    expect(before.fieldErrors).toEqual({ outcomeOnDay: ["The date of the outcome must be on or after the day the concern was received"] });
  });
});

describe("who may see a concern", () => {
  it("only the LADO of its council, and people they add; every look is logged and listed", async () => {
    const w = await ladoWorld(db());
    const { reference } = await raiseConcern(db(), w.parent, publicConcern(w), BASE, { now: NOW });
    for (const actor of [w.officer, w.otherLado, w.parent, w.public, w.producer]) {
      await expect(getCase(db(), actor, reference)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(triageConcern(db(), w.otherLado, reference, refer, BASE)).rejects.toBeInstanceOf(NotFoundError);
    // officers see that a concern is waiting, and its clock, but not what it says
    const waiting = await listNewConcernsForOfficer(db(), w.officer, { now: NOW });
    expect(waiting).toEqual([{ reference, receivedAt: expect.any(Date), clock: expect.objectContaining({ state: "due", dueOn: "2026-12-08" }) }]);
    await triageConcern(db(), w.lado, reference, refer, BASE, { now: NOW });
    const added = await addCaseMember(db(), w.lado, reference, w.officerUser.email);
    expect(added).toEqual({ name: "Olive Officer" });
    const asMember = await getCase(db(), w.officer, reference, { now: NOW });
    expect(asMember.isLado).toBe(false);
    await expect(recordOutcome(db(), w.officer, reference, { outcome: "unfounded", outcomeOn: "2026-12-07", notes: "" })).rejects.toBeInstanceOf(NotFoundError);
    const bad = await addCaseMember(db(), w.lado, reference, "someone@elsewhere.example").catch((e) => e);
    expect(bad.fieldErrors.email).toEqual(["Enter the email address of a member of your council's staff who has an account"]);
    const c = await getCase(db(), w.lado, reference, { now: NOW });
    expect(c.views.map((v) => v.who)).toEqual(["Lara LADO", "Olive Officer"]);
    expect(c.members.map((m) => m.name)).toEqual(["Olive Officer"]);
  });
});

describe("the 1-working-day clock and the LADO's figures", () => {
  it("runs across a bank holiday weekend and the council's closure days", async () => {
    const w = await ladoWorld(db());
    // Friday 28 May 2027; Monday 31 May is the spring bank holiday
    const friday = new Date("2027-05-28T15:00:00Z");
    const { reference } = await raiseConcern(db(), w.public, publicConcern(w, { happenedOn: "2027-05-28" }), BASE, { now: friday });
    const at = (iso: string) => getCase(db(), w.lado, reference, { now: new Date(`${iso}T09:00:00Z`) });
    expect((await at("2027-05-31")).clock).toMatchObject({ state: "due", dueOn: "2027-06-01" });
    expect((await at("2027-06-01")).clock).toMatchObject({ state: "due-today", dueOn: "2027-06-01" });
    expect((await at("2027-06-02")).clock).toMatchObject({ state: "overdue", label: "Overdue" });
    await updateAuthoritySettings(db(), actorFor(w.ladoUser, [{ role: "admin", authorityId: w.nmc.id }]), w.nmc.id, { closureDays: ["2027-06-01"] });
    expect((await at("2027-06-02")).clock).toMatchObject({ state: "due-today", dueOn: "2027-06-02" });
  });

  it("counts referrals made within 1 working day and resolved within 1 and 3 months", async () => {
    const w = await ladoWorld(db());
    const raise = async (iso: string) => (await raiseConcern(db(), w.public, publicConcern(w, { happenedOn: iso }), BASE, { now: new Date(`${iso}T10:00:00Z`) })).reference;
    const a = await raise("2026-08-03");
    await triageConcern(db(), w.lado, a, refer, BASE, { now: new Date("2026-08-04T10:00:00Z") });
    await recordOutcome(db(), w.lado, a, { outcome: "unfounded", outcomeOn: "2026-08-20", notes: "" }, { now: new Date("2026-08-20T10:00:00Z") });
    const b = await raise("2026-09-01");
    await triageConcern(db(), w.lado, b, refer, BASE, { now: new Date("2026-09-07T10:00:00Z") });
    await recordOutcome(db(), w.lado, b, { outcome: "unsubstantiated", outcomeOn: "2026-11-15", notes: "" }, { now: new Date("2026-11-15T10:00:00Z") });
    const c = await raise("2026-12-01");
    await triageConcern(db(), w.lado, c, refer, BASE, { now: new Date("2026-12-02T10:00:00Z") });
    await raise("2026-12-04");
    const desk = await listLadoCases(db(), w.lado, { now: NOW });
    expect(desk?.figures).toEqual({
      referredWithinOneWorkingDay: { count: 3, met: 2, share: 2 / 3 },
      // c is still inside its first month, so it does not count yet
      resolvedWithinOneMonth: { count: 2, met: 1, share: 0.5 },
      resolvedWithinThreeMonths: { count: 2, met: 2, share: 1 },
    });
    // raised on a Friday: due by the end of Monday
    expect(desk?.newConcerns.map((n) => n.clock)).toEqual([expect.objectContaining({ state: "due-today", dueOn: "2026-12-07" })]);
    expect(desk?.openReferrals.map((r) => r.reference)).toEqual([c]);
    expect(await listLadoCases(db(), w.officer)).toBeNull();
  });
});
