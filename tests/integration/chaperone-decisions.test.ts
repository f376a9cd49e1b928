import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authoritySettings, chaperoneApplications } from "#db/schema/chaperones";
import { issuedDocuments } from "#db/schema/documents";
import { getChaperoneApplication } from "~/domain/chaperones/getChaperoneApplication";
import { getChaperoneApplicationPhoto } from "~/domain/chaperones/getChaperoneApplicationPhoto";
import { grantChaperoneLicence } from "~/domain/chaperones/grantChaperoneLicence";
import { judgeReference } from "~/domain/chaperones/judgeReference";
import { listChaperoneQueue } from "~/domain/chaperones/listChaperoneQueue";
import { recordChaperoneCheck } from "~/domain/chaperones/recordChaperoneCheck";
import { refuseChaperoneApplication } from "~/domain/chaperones/refuseChaperoneApplication";
import { requestChaperoneInformation } from "~/domain/chaperones/requestChaperoneInformation";
import { searchChaperoneRegister } from "~/domain/chaperones/searchChaperoneRegister";
import { changeDocumentStatus } from "~/domain/documents/changeDocumentStatus";
import { findPublicDocument } from "~/domain/documents/findPublicDocument";
import { ForbiddenError, NotFoundError, RuleError } from "~/domain/errors";
import { actorFor, auditFor, createAuthority, createChaperoneApplication, createUser, outboxFor } from "../factories";
import { useTestDatabase } from "../setup/db";
import { ruleMessages } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
/** A fixed clock: Monday 23 November 2026, 10:00 in London. */
const NOW = new Date("2026-11-23T10:00:00Z");
const TODAY = "2026-11-23";
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

async function world() {
  const a = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const b = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council" });
  const officerA = actorFor(await createUser(db(), { name: "Olive Officer" }), [{ role: "officer", authorityId: a.id }]);
  const officerB = actorFor(await createUser(db(), { name: "Omar Officer" }), [{ role: "officer", authorityId: b.id }]);
  const ladoA = actorFor(await createUser(db(), { name: "Lee LADO" }), [{ role: "lado", authorityId: a.id }]);
  const made = await createChaperoneApplication(db(), { authorityId: a.id, firstName: "Casey", lastName: "Candidate", submittedAt: daysAgo(3) });
  return { a, b, officerA, officerB, ladoA, ...made, id: made.application.id };
}

type World = Awaited<ReturnType<typeof world>>;

/** Records the four checks as satisfactory and judges both references satisfactory. */
async function completeChecks(w: World) {
  await recordChaperoneCheck(db(), w.officerA, w.id, { check: "identity", outcome: "seen", note: "Passport, driving licence, bank statement" }, NOW);
  await recordChaperoneCheck(db(), w.officerA, w.id, { check: "dbs", outcome: "clear" }, NOW);
  await recordChaperoneCheck(db(), w.officerA, w.id, { check: "interview", outcome: "passed", date: "2026-11-20" }, NOW);
  await recordChaperoneCheck(db(), w.officerA, w.id, { check: "training", outcome: "confirmed" }, NOW);
  for (const referee of w.referees) await judgeReference(db(), w.officerA, w.id, referee.id, "satisfactory", NOW);
}

describe("listChaperoneQueue", () => {
  it("lists the officer's own authority's applications awaiting a decision, oldest first, with ages and counts", async () => {
    const w = await world();
    const old = await createChaperoneApplication(db(), { authorityId: w.a.id, firstName: "Olga", lastName: "Oldest", submittedAt: daysAgo(25) });
    await createChaperoneApplication(db(), { authorityId: w.a.id, status: "draft", submittedAt: null });
    await createChaperoneApplication(db(), { authorityId: w.a.id, status: "refused", submittedAt: daysAgo(40) });
    await createChaperoneApplication(db(), { authorityId: w.a.id, status: "information-requested", submittedAt: daysAgo(10) });
    const other = await createChaperoneApplication(db(), { authorityId: w.b.id, firstName: "Eve", lastName: "Eastbrook", submittedAt: daysAgo(1) });

    const queue = await listChaperoneQueue(db(), w.officerA, TODAY);
    expect(queue.applications.map((q) => q.name)).toEqual(["Olga Oldest", expect.any(String), "Casey Candidate"]);
    expect(queue.applications[0]).toMatchObject({ id: old.application.id, ageDays: 25, overdue: true, status: "submitted" });
    expect(queue.applications[2]).toMatchObject({ ageDays: 3, overdue: false, reference: w.application.reference });
    expect(queue.counts).toEqual([
      { status: "submitted", label: "Submitted", count: 2 },
      { status: "checks-in-progress", label: "Checks in progress", count: 0 },
      { status: "information-requested", label: "More information needed", count: 1 },
    ]);

    const queueB = await listChaperoneQueue(db(), w.officerB, TODAY);
    expect(queueB.applications.map((q) => q.id)).toEqual([other.application.id]);
    expect((await listChaperoneQueue(db(), w.ladoA, TODAY)).applications).toEqual([]);
  });
});

describe("an officer of another authority", () => {
  it("gets not found for the application, its photo and every action on it", async () => {
    const w = await world();
    const B = w.officerB;
    await expect(getChaperoneApplication(db(), B, w.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getChaperoneApplicationPhoto(db(), B, w.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordChaperoneCheck(db(), B, w.id, { check: "dbs", outcome: "clear" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(judgeReference(db(), B, w.id, w.referees[0].id, "satisfactory", NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestChaperoneInformation(db(), B, w.id, "More please", BASE)).rejects.toBeInstanceOf(NotFoundError);
    await expect(grantChaperoneLicence(db(), B, w.id, {}, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(refuseChaperoneApplication(db(), B, w.id, "No", BASE)).rejects.toBeInstanceOf(NotFoundError);
    // nor may the LADO of the right authority, the applicant, or anyone with a malformed id
    await expect(getChaperoneApplication(db(), w.ladoA, w.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getChaperoneApplication(db(), actorFor(w.applicant, [{ role: "chaperone" }]), w.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getChaperoneApplication(db(), w.officerA, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, w.id));
    expect(row).toMatchObject({ status: "submitted", checks: {} });
    expect(await auditFor(db(), "chaperone-application", w.id)).toEqual([]);
  });

  it("cannot see a draft either: the officer of its authority gets not found too", async () => {
    const w = await world();
    const draft = await createChaperoneApplication(db(), { authorityId: w.a.id, status: "draft", submittedAt: null });
    await expect(getChaperoneApplication(db(), w.officerA, draft.application.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getChaperoneApplication", () => {
  it("shows the answers, referees and their responses, checks, what is missing, and the photo", async () => {
    const w = await world();
    const view = await getChaperoneApplication(db(), w.officerA, w.id, TODAY);
    expect(view).toMatchObject({ name: "Casey Candidate", status: "submitted", open: true, hasPhoto: true, authorityName: "Northmere Council", applicantEmail: w.applicant.email });
    expect(view.referees.map((r) => [r.name, r.responded, r.judgement])).toEqual([
      ["Rita Referee", true, null],
      ["Rob Referee", true, null],
    ]);
    expect(view.answers.identityDocuments).toEqual(["Passport", "Photocard driving licence", "Bank or building society statement from the last 3 months"]);
    expect(view.missing).toContain("Record the identity check");
    expect(view.grant).toEqual({ years: 3, startDate: TODAY, validFrom: TODAY, validTo: "2029-11-22" });
    const photo = await getChaperoneApplicationPhoto(db(), w.officerA, w.id);
    expect(photo.contentType).toBe("image/png");
    expect(photo.bytes.subarray(1, 4).toString()).toBe("PNG");
  });
});

describe("recordChaperoneCheck and judgeReference", () => {
  it("the first check moves the application to checks in progress; each step is audited", async () => {
    const w = await world();
    expect(await recordChaperoneCheck(db(), w.officerA, w.id, { check: "dbs", outcome: "clear", note: "Update Service checked" }, NOW)).toEqual({ status: "checks-in-progress" });
    await recordChaperoneCheck(db(), w.officerA, w.id, { check: "dbs", outcome: "unsatisfactory" }, NOW);
    const [row] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, w.id));
    expect(row.status).toBe("checks-in-progress");
    expect(row.checks.dbs).toMatchObject({ outcome: "unsatisfactory", by: "Olive Officer", at: NOW.toISOString() });
    await judgeReference(db(), w.officerA, w.id, w.referees[0].id, "satisfactory", NOW);
    const events = await auditFor(db(), "chaperone-application", w.id);
    expect(events.map((e) => e.action)).toEqual(["chaperone.check-recorded", "chaperone.check-recorded", "chaperone.reference-judged"]);
    expect(events[1].before).toMatchObject({ check: "dbs", record: { outcome: "clear" } });
    expect(events[0].after).toMatchObject({ summary: "Enhanced DBS – Clear – nothing disclosed; Update Service checked", status: "checks-in-progress" });
  });

  it("refuses an unknown outcome, an interview without a date, and a date in the future", async () => {
    const w = await world();
    expect(await ruleMessages(recordChaperoneCheck(db(), w.officerA, w.id, { check: "dbs", outcome: "passed" }, NOW))).toEqual(["Select the result of the DBS check"]);
    expect(await ruleMessages(recordChaperoneCheck(db(), w.officerA, w.id, { check: "interview", outcome: "passed" }, NOW))).toEqual(["Enter the date of the interview"]);
    expect(await ruleMessages(recordChaperoneCheck(db(), w.officerA, w.id, { check: "interview", outcome: "passed", date: "2026-11-24" }, NOW))).toEqual([
      "The date of the interview must be today or in the past",
    ]);
  });

  it("a reference can be judged only once the referee has responded", async () => {
    const w = await world();
    const waiting = await createChaperoneApplication(db(), { authorityId: w.a.id, refereesResponded: false });
    const messages = await ruleMessages(judgeReference(db(), w.officerA, waiting.application.id, waiting.referees[0].id, "satisfactory", NOW));
    expect(messages[0]).toMatch(/Rita Referee has not given a reference yet/);
    // a referee of another application is not found
    await expect(judgeReference(db(), w.officerA, w.id, waiting.referees[0].id, "satisfactory", NOW)).rejects.toBeInstanceOf(NotFoundError);
    const view = await getChaperoneApplication(db(), w.officerA, waiting.application.id, TODAY);
    expect(view.missing).toEqual(expect.arrayContaining(["Wait for the reference from Rita Referee", "Wait for the reference from Rob Referee"]));
  });
});

describe("grantChaperoneLicence", () => {
  it("is refused, saying what is missing, until all four checks and both references are satisfactory", async () => {
    const w = await world();
    expect(await ruleMessages(grantChaperoneLicence(db(), w.officerA, w.id, {}, BASE, NOW))).toEqual([
      "Record the identity check",
      "Record the enhanced DBS check",
      "Record the interview check",
      "Record the training check",
      "Judge the reference from Rita Referee",
      "Judge the reference from Rob Referee",
    ]);
    await completeChecks(w);
    await recordChaperoneCheck(db(), w.officerA, w.id, { check: "dbs", outcome: "unsatisfactory" }, NOW);
    await judgeReference(db(), w.officerA, w.id, w.referees[1].id, "unsatisfactory", NOW);
    expect(await ruleMessages(grantChaperoneLicence(db(), w.officerA, w.id, {}, BASE, NOW))).toEqual([
      "The enhanced DBS check is not satisfactory",
      "The reference from Rob Referee is not satisfactory",
    ]);
    expect(await db().select().from(issuedDocuments)).toEqual([]);
  });

  it("issues a signed chaperone licence with the photo ID card, valid 3 years less a day, and emails the applicant", async () => {
    const w = await world();
    await completeChecks(w);
    const granted = await grantChaperoneLicence(db(), w.officerA, w.id, { startDate: "2026-12-01", restrictions: "Only children aged 10 or over" }, BASE, NOW);
    expect(granted).toMatchObject({ status: "granted", reference: "NMC-CL-2026-000001", validFrom: "2026-12-01", validTo: "2029-11-30" });

    const publicView = await findPublicDocument(db(), granted.reference, "2026-12-15");
    expect(publicView).toMatchObject({ kind: "chaperone-licence", status: "valid", validFrom: "2026-12-01", validTo: "2029-11-30", holderInitials: "C. C.", issuingAuthority: "Northmere Council" });
    expect((await findPublicDocument(db(), granted.reference, "2029-12-01"))?.status).toBe("expired");

    const [doc] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.reference, granted.reference));
    expect(doc).toMatchObject({ kind: "chaperone-licence", holderName: "Casey Candidate", holderUserId: w.applicant.id, holderEmail: w.applicant.email });
    expect(doc.pdf.toString("latin1")).toContain("/ByteRange");
    const content = doc.content as { holderPhoto?: { base64: string; type: string }; details: { label: string; value: string }[] };
    expect(content.holderPhoto?.type).toBe("png");
    expect(Buffer.from(content.holderPhoto!.base64, "base64").equals(w.photo.bytes)).toBe(true);
    expect(content.details).toContainEqual({ label: "Restrictions", value: "Only children aged 10 or over" });

    const [row] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, w.id));
    expect(row).toMatchObject({ status: "granted", licenceDocumentId: doc.id, validFrom: "2026-12-01", validTo: "2029-11-30", restrictions: "Only children aged 10 or over" });
    expect(row.decidedAt?.toISOString()).toBe(NOW.toISOString());

    const mail = await outboxFor(db(), w.applicant.email);
    expect(mail.map((m) => m.template)).toEqual(["chaperone-approved"]);
    expect(mail[0].props).toMatchObject({ name: "Casey Candidate", reference: granted.reference, url: `${BASE}/chaperone`, verifyUrl: `${BASE}/verify/${granted.reference}` });
    expect((await auditFor(db(), "chaperone-application", w.id)).map((e) => e.action).at(-1)).toBe("chaperone.granted");
    expect((await auditFor(db(), "document", doc.id)).map((e) => e.action)).toEqual(["document.issued"]);

    // decided: nothing more can be recorded, and it cannot be granted twice
    expect(await ruleMessages(grantChaperoneLicence(db(), w.officerA, w.id, {}, BASE, NOW))).toEqual(["This application’s status is approved: it cannot be approved now"]);
    await expect(recordChaperoneCheck(db(), w.officerA, w.id, { check: "dbs", outcome: "clear" }, NOW)).rejects.toBeInstanceOf(RuleError);
    const view = await getChaperoneApplication(db(), w.officerA, w.id, TODAY);
    expect(view).toMatchObject({ open: false, licenceReference: granted.reference, missing: [] });
  });

  it("starts today by default, and follows the authority's setting for the number of years", async () => {
    const w = await world();
    await db().insert(authoritySettings).values({ authorityId: w.a.id, chaperoneLicenceYears: 2 });
    await completeChecks(w);
    const granted = await grantChaperoneLicence(db(), w.officerA, w.id, {}, BASE, NOW);
    expect(granted).toMatchObject({ validFrom: TODAY, validTo: "2028-11-22" });
  });

  it("refuses a start date in the past or more than 6 months ahead, and an officer without the document capability", async () => {
    const w = await world();
    await completeChecks(w);
    expect(await ruleMessages(grantChaperoneLicence(db(), w.officerA, w.id, { startDate: "2026-11-22" }, BASE, NOW))).toEqual(["The start date must be today or in the future"]);
    expect(await ruleMessages(grantChaperoneLicence(db(), w.officerA, w.id, { startDate: "2027-06-01" }, BASE, NOW))).toEqual(["The start date must be within 6 months of today"]);
    await expect(grantChaperoneLicence(db(), w.ladoA, w.id, {}, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a renewal starts the day after the current licence ends", async () => {
    const w = await world();
    await completeChecks(w);
    const first = await grantChaperoneLicence(db(), w.officerA, w.id, { startDate: TODAY }, BASE, NOW);
    const renewal = await createChaperoneApplication(db(), { authorityId: w.a.id, applicant: w.applicant, firstName: "Casey", lastName: "Candidate", renewsDocumentId: first.documentId });
    const view = await getChaperoneApplication(db(), w.officerA, renewal.application.id, "2029-09-01");
    expect(view.grant).toMatchObject({ startDate: "2029-11-23", validTo: "2032-11-22" });
  });
});

describe("refuseChaperoneApplication and requestChaperoneInformation", () => {
  it("refusal needs reasons; the applicant is emailed them and it is audited", async () => {
    const w = await world();
    expect(await ruleMessages(refuseChaperoneApplication(db(), w.officerA, w.id, "   ", BASE, NOW))).toEqual([
      "Enter the reasons for refusing, which are sent to the applicant",
    ]);
    const { status, outboxIds } = await refuseChaperoneApplication(db(), w.officerA, w.id, "A reference raised concerns", BASE, NOW);
    expect(status).toBe("refused");
    expect(outboxIds).toHaveLength(1);
    const mail = await outboxFor(db(), w.applicant.email);
    expect(mail.map((m) => [m.template, (m.props as { reasons: string }).reasons])).toEqual([["chaperone-refused", "A reference raised concerns"]]);
    const events = await auditFor(db(), "chaperone-application", w.id);
    expect(events.map((e) => [e.action, (e.after as { reason: string }).reason])).toEqual([["chaperone.refused", "A reference raised concerns"]]);
    await expect(grantChaperoneLicence(db(), w.officerA, w.id, {}, BASE, NOW)).rejects.toBeInstanceOf(RuleError);
  });

  it("asking for more information sends it back to the applicant, emailed; it cannot be granted until resubmitted", async () => {
    const w = await world();
    await completeChecks(w);
    expect(await ruleMessages(requestChaperoneInformation(db(), w.officerA, w.id, "", BASE, NOW))).toEqual(["Enter what you need from the applicant"]);
    await requestChaperoneInformation(db(), w.officerA, w.id, "Upload a clearer passport scan", BASE, NOW);
    const [row] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, w.id));
    expect(row).toMatchObject({ status: "information-requested", informationRequested: "Upload a clearer passport scan" });
    const mail = await outboxFor(db(), w.applicant.email);
    expect(mail.map((m) => m.template)).toEqual(["chaperone-information-requested"]);
    expect(mail[0].props).toMatchObject({ message: "Upload a clearer passport scan", url: `${BASE}/chaperone`, reference: w.application.reference });
    expect((await auditFor(db(), "chaperone-application", w.id)).map((e) => e.action).at(-1)).toBe("chaperone.information-requested");
    expect(await ruleMessages(grantChaperoneLicence(db(), w.officerA, w.id, {}, BASE, NOW))).toEqual([
      "This application’s status is more information needed: it cannot be approved now",
    ]);
    // asking twice is refused; checks can still be recorded while waiting
    await expect(requestChaperoneInformation(db(), w.officerA, w.id, "And again", BASE, NOW)).rejects.toBeInstanceOf(RuleError);
    await recordChaperoneCheck(db(), w.officerA, w.id, { check: "training", outcome: "confirmed", note: "Certificate seen" }, NOW);
  });
});

describe("searchChaperoneRegister", () => {
  async function grantedWorld() {
    const w = await world();
    await completeChecks(w);
    const granted = await grantChaperoneLicence(db(), w.officerA, w.id, { startDate: "2026-12-01" }, BASE, NOW);
    return { ...w, granted };
  }

  it("any officer finds a chaperone of another authority by name or reference, with no address or date of birth", async () => {
    const w = await grantedWorld();
    const byName = await searchChaperoneRegister(db(), w.officerB, { query: "  casey   CANDIDATE " }, "2026-12-10");
    expect(byName.results).toEqual([
      {
        reference: w.granted.reference,
        name: "Casey Candidate",
        authorityName: "Northmere Council",
        validFrom: "2026-12-01",
        validTo: "2029-11-30",
        status: "valid",
        statusLabel: "Valid",
        restrictions: "None",
        validThroughout: true,
      },
    ]);
    expect(JSON.stringify(byName)).not.toMatch(/1985-06-15|Station Road|NM1 2AB/);
    const byReference = await searchChaperoneRegister(db(), w.officerB, { query: w.granted.reference.toLowerCase() }, "2026-12-10");
    expect(byReference.results.map((r) => r.reference)).toEqual([w.granted.reference]);
    expect((await searchChaperoneRegister(db(), w.officerB, { query: "Nobody Known" }, "2026-12-10")).results).toEqual([]);
    // LIKE wildcards are matched literally
    expect((await searchChaperoneRegister(db(), w.officerB, { query: "%_" }, "2026-12-10")).results).toEqual([]);
  });

  it("says whether the approval covers the whole of the requested dates", async () => {
    const w = await grantedWorld();
    const search = (from?: string, to?: string, today = "2026-11-25") => searchChaperoneRegister(db(), w.officerB, { query: "Candidate", from, to }, today);
    expect((await search("2027-03-01", "2027-03-31")).results[0].validThroughout).toBe(true);
    expect((await search("2029-11-01", "2029-12-15")).results[0].validThroughout).toBe(false);
    expect((await search("2026-11-28", "2026-12-05")).results[0].validThroughout).toBe(false);
    // no dates: today, before the licence starts
    expect((await search()).results[0]).toMatchObject({ validThroughout: false, status: "not-yet-valid" });
    expect(await ruleMessages(search("2027-03-31", "2027-03-01"))).toEqual(["The last date must be the same as or after the first date"]);
    expect(await ruleMessages(search(undefined, "2027-03-01"))).toEqual(["Enter the first date as well as the last"]);
  });

  it("a suspended licence is not valid on any dates", async () => {
    const w = await grantedWorld();
    await changeDocumentStatus(db(), w.officerA, w.granted.reference, "suspend", "A concern is being looked into", BASE);
    const [result] = (await searchChaperoneRegister(db(), w.officerB, { query: "Casey", from: "2027-03-01", to: "2027-03-02" }, "2027-01-01")).results;
    expect(result).toMatchObject({ status: "suspended", statusLabel: "Suspended", validThroughout: false });
  });

  it("only officers may search, with at least 2 characters", async () => {
    const w = await grantedWorld();
    await expect(searchChaperoneRegister(db(), w.ladoA, { query: "Casey" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(searchChaperoneRegister(db(), actorFor(w.applicant, [{ role: "chaperone" }]), { query: "Casey" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await ruleMessages(searchChaperoneRegister(db(), w.officerB, { query: "C" }))).toEqual(["Enter at least 2 characters of a name, or a licence reference"]);
  });
});
