import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { issuedDocuments } from "#db/schema/documents";
import { emptyPattern } from "~/domain/employment/pattern";
import { PERMIT_STANDARD_CONDITIONS } from "~/domain/employment/permitSchedule";
import {
  endEmploymentPermit,
  getPermitForOfficer,
  getPermitToEnd,
  grantEmploymentPermit,
  listPermitQueue,
  refuseEmploymentPermit,
  revokeEmploymentPermit,
} from "~/domain/employment-officer.server";
import { NotFoundError } from "~/domain/errors";
import { downloadDocument } from "~/domain/documents/downloadDocument";
import { actorFor, auditFor, outboxFor } from "../factories";
import { useTestDatabase } from "../setup/db";
import { ruleErrors, ruleMessages } from "../setup/routes";
import { BASE, NOAH_LEAVES, NOW, permitRow, permitWorld, TODAY } from "./permits-officer-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();

const grant = (w: { officerN: Parameters<typeof grantEmploymentPermit>[1] }, id: string, custom = "", options = {}, now = NOW) =>
  grantEmploymentPermit(db(), w.officerN, id, { customConditions: custom }, BASE, now, options);

const documentOf = async (id: string) => (await db().select().from(issuedDocuments).where(eq(issuedDocuments.id, id)))[0];
const subjects = async (to: string) => (await outboxFor(db(), to)).map((m) => m.template);

describe("listPermitQueue", () => {
  it("lists the council's submitted permits oldest first with child, employer, job, start date and the late flag; other views by status", async () => {
    const w = await permitWorld(db());
    const newer = await w.permit({ submittedAt: new Date("2026-11-28T09:00:00Z") });
    const older = await w.permit({ submittedAt: new Date("2026-11-20T09:00:00Z"), late: true, startDate: "2026-11-02" });
    const granted = await w.permit({ status: "granted", decidedAt: new Date("2026-11-26T09:00:00Z"), endsOn: NOAH_LEAVES });
    const refused = await w.permit({ status: "refused", decidedAt: new Date("2026-11-27T09:00:00Z") });
    await w.permit({ status: "draft", reference: null, submittedAt: null });
    await w.permit({ authorityId: w.east.id, reference: "EBC-PE-2026-000001" });

    const waiting = await listPermitQueue(db(), w.officerN);
    expect(waiting.rows.map((r) => r.id)).toEqual([older.id, newer.id]);
    expect(waiting.rows[0]).toMatchObject({
      reference: older.reference,
      childName: "Noah Example",
      employer: "Corner Newsagents Ltd",
      job: "Delivering newspapers or leaflets",
      startDate: "2026-11-02",
      late: true,
      status: "submitted",
      statusLabel: "Submitted",
    });
    expect(waiting.rows[1].late).toBe(false);
    expect(waiting.counts).toEqual({ waiting: 2, granted: 1, decided: 1 });

    expect((await listPermitQueue(db(), w.officerN, "granted")).rows.map((r) => [r.id, r.endsOn])).toEqual([[granted.id, NOAH_LEAVES]]);
    expect((await listPermitQueue(db(), w.officerN, "decided")).rows.map((r) => r.id)).toEqual([refused.id]);

    const east = await listPermitQueue(db(), w.officerE);
    expect(east.rows.map((r) => r.reference)).toEqual(["EBC-PE-2026-000001"]);
    expect(await listPermitQueue(db(), w.employer)).toEqual({ view: "waiting", rows: [], counts: { waiting: 0, granted: 0, decided: 0 } });
  });
});

describe("getPermitForOfficer", () => {
  it("shows both parts, the hours as a table, no findings for a lawful paper round, the child's age and school leaving date, the late days and the history", async () => {
    const w = await permitWorld(db());
    const p = await w.permit({ startDate: "2026-11-02", late: true, submittedAt: new Date("2026-11-25T09:00:00Z"), hasHealthConditions: true, healthDetails: "Mild asthma" });
    const view = await getPermitForOfficer(db(), w.officerN, p.id, {}, TODAY);
    expect(view).toMatchObject({
      reference: p.reference,
      status: "submitted",
      late: true,
      // due by 9 November, submitted on 25 November
      daysLate: 16,
      lateDeadline: "2026-11-09",
      child: { name: "Noah Example", dateOfBirth: "2012-05-02", age: 14, schoolLeavingDate: NOAH_LEAVES, hasPhoto: true },
      school: "Northmere Academy",
      employerPart: {
        businessName: "Corner Newsagents Ltd",
        contacts: [{ name: "Erin Employer", email: w.employerUser.email }],
        workplace: "12 High Street, Northmere, NM2 3CD",
        occupation: "Delivering newspapers or leaflets",
        supervisorName: "Erin Employer",
        riskAssessmentConfirmed: true,
      },
      parentPart: { parent: { name: "Priya Parent", email: w.parentUser.email }, hasHealthConditions: true, healthDetails: "Mild asthma", consentName: "Priya Parent" },
      checks: { validFrom: TODAY, validTo: NOAH_LEAVES, findings: [], problems: [] },
    });
    expect(view.employerPart.hours.head).toEqual(["Day", "Term time", "School holidays"]);
    expect(view.employerPart.hours.rows[0]).toEqual(["Monday", "07:00–08:00", "08:00–10:00"]);
    expect(view.employerPart.hours.rows[6]).toEqual(["Sunday", "Not worked", "Not worked"]);
    expect(view.events).toEqual([]);

    await expect(getPermitForOfficer(db(), w.officerE, p.id, {}, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPermitForOfficer(db(), w.employer, p.id, {}, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    const draft = await w.permit({ status: "draft", reference: null, submittedAt: null });
    await expect(getPermitForOfficer(db(), w.officerN, draft.id, {}, TODAY)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("checks the hours again now, with the 2026 Act's limits once they are in force", async () => {
    const w = await permitWorld(db());
    const term = emptyPattern();
    term.sat = [{ start: "15:00", end: "19:30" }];
    const p = await w.permit({ termPattern: term, holidayPattern: emptyPattern() });
    const byelaws = await getPermitForOfficer(db(), w.officerN, p.id, {}, TODAY);
    expect(byelaws.checks.findings.map((f) => [f.rule, f.pattern, f.limit, f.actual])).toEqual([
      ["EMPLOY-LATEST", "term", "19:00", "19:30"],
      ["EMPLOY-BREAK", "term", "4 h", "4 h 30 min"],
    ]);
    expect(byelaws.checks.problems[0]).toMatch(/^Term time: On Sat 12 December 2026 work ends at 19:30, after 19:00 \(EMPLOY-LATEST\)$/);
    const act = await getPermitForOfficer(db(), w.officerN, p.id, { cwsa2026From: "2026-09-01" }, TODAY);
    expect(act.checks.findings.map((f) => f.rule)).toEqual(["EMPLOY-BREAK"]);
  });
});

describe("grantEmploymentPermit", () => {
  it("issues the signed permit with the child's card to the employer's business, marks it granted, audits and emails the employer and the parent", async () => {
    const w = await permitWorld(db());
    const p = await w.permit({ startDate: "2026-12-07" });
    const result = await grant(w, p.id, "Noah wears the high-visibility bag provided.\n\n");
    expect(result.reference).toMatch(/^NMC-EP-2026-\d{6}$/);
    expect(await permitRow(db(), p.id)).toMatchObject({ status: "granted", documentId: result.documentId, endsOn: NOAH_LEAVES, decidedAt: NOW, decidedByUserId: w.officerUser.id });

    const doc = await documentOf(result.documentId);
    expect(doc).toMatchObject({
      kind: "employment-permit",
      authorityId: w.north.id,
      holderName: "Corner Newsagents Ltd",
      holderEmail: w.employerUser.email,
      organisationId: w.shop.id,
      parentUserId: w.parentUser.id,
      childName: "Noah Example",
      validFrom: "2026-12-07",
      validTo: NOAH_LEAVES,
      status: "valid",
    });
    expect(doc.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const content = doc.content as {
      conditions: string[];
      details: { label: string; value: string }[];
      schedule: { head: string[]; rows: string[][] };
      child: { photo?: { type: string } };
    };
    expect(content.conditions).toEqual([...PERMIT_STANDARD_CONDITIONS, "Noah wears the high-visibility bag provided."]);
    expect(content.details).toContainEqual({ label: "Workplace", value: "12 High Street, Northmere, NM2 3CD" });
    expect(content.details).toContainEqual({ label: "Job", value: "Delivering newspapers or leaflets: Delivering newspapers on a round of about 40 houses" });
    expect(content.schedule.head).toEqual(["Day", "Term time", "School holidays"]);
    expect(content.schedule.rows[5]).toEqual(["Saturday", "08:00–10:00", "08:00–10:00"]);
    expect(content.child.photo?.type).toBe("png");

    const audit = await auditFor(db(), "employment-permit", p.id);
    expect(audit.map((e) => [e.action, e.actorUserId])).toEqual([["employment-permit.granted", w.officerUser.id]]);
    expect(audit[0].after).toMatchObject({ status: "granted", permit: result.reference, validFrom: "2026-12-07", validTo: NOAH_LEAVES });

    const [toEmployer] = await outboxFor(db(), w.employerUser.email);
    expect(toEmployer).toMatchObject({ template: "permit-granted" });
    expect(toEmployer.props).toMatchObject({
      name: "Erin Employer",
      audience: "employer",
      url: `${BASE}/documents/${result.reference}.pdf`,
      verifyUrl: `${BASE}/verify/${result.reference}`,
      validTo: NOAH_LEAVES,
    });
    const [toParent] = await outboxFor(db(), w.parentUser.email);
    expect(toParent.props).toMatchObject({ name: "Priya Parent", audience: "parent", childName: "Noah Example" });
    expect(result.outboxIds).toHaveLength(2);

    // Both can download the signed permit; another employer cannot.
    expect((await downloadDocument(db(), w.employer, result.reference)).pdf.length).toBeGreaterThan(1000);
    expect((await downloadDocument(db(), w.parent, result.reference)).filename).toBe(`${result.reference}.pdf`);
    await expect(downloadDocument(db(), w.rivalEmployer, result.reference)).rejects.toThrow();
  });

  it("runs from today when the job has already started", async () => {
    const w = await permitWorld(db());
    const p = await w.permit({ startDate: "2026-11-16", late: true });
    const result = await grant(w, p.id);
    expect((await documentOf(result.documentId)).validFrom).toBe(TODAY);
  });

  it("refuses to grant a prohibited job or hours over the limits, and issues nothing", async () => {
    const w = await permitWorld(db());
    const kitchen = await w.permit({ occupation: "commercial-kitchen" });
    expect(await ruleMessages(grant(w, kitchen.id))).toEqual([
      "Term time: No child may be employed in this work (commercial kitchen), at any age (EMPLOY-PROHIBITED)",
    ]);
    const sunday = emptyPattern();
    sunday.sun = [{ start: "09:00", end: "11:30" }];
    const longSunday = await w.permit({ termPattern: sunday, holidayPattern: emptyPattern() });
    expect(await ruleMessages(grant(w, longSunday.id))).toEqual([
      "Term time: On Sun 13 December 2026, a Sunday, there are 2 h 30 min of work: at most 2 h is allowed (EMPLOY-SUNDAY)",
    ]);
    expect((await permitRow(db(), kitchen.id)).status).toBe("submitted");
    expect((await permitRow(db(), longSunday.id)).documentId).toBeNull();
    expect(await db().select().from(issuedDocuments)).toEqual([]);
    expect(await auditFor(db(), "employment-permit")).toEqual([]);
  });

  it("refuses a child past the school leaving date, a permit that is not waiting, another council's officer and a condition that is too long", async () => {
    const w = await permitWorld(db());
    const p = await w.permit();
    // on 1 July 2028 Noah has left school
    expect((await ruleMessages(grant(w, p.id, "", {}, new Date("2028-07-01T10:00:00Z")))).join()).toContain("EMPLOY-SCHOOLAGE");
    expect(await ruleErrors(grant(w, p.id, "x".repeat(501)))).toEqual({ customConditions: ["Each condition must be 500 characters or fewer"] });
    await expect(grantEmploymentPermit(db(), w.officerE, p.id, {}, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await grant(w, p.id);
    expect(await ruleMessages(grant(w, p.id))).toEqual(["This permit's status is granted: it cannot be granted now"]);
    const refused = await w.permit({ status: "refused" });
    expect(await ruleMessages(grant(w, refused.id))).toEqual(["This permit's status is refused: it cannot be granted now"]);
  });
});

describe("refuseEmploymentPermit", () => {
  it("refuses with reasons, audits and emails the employer and the parent", async () => {
    const w = await permitWorld(db());
    const p = await w.permit();
    const result = await refuseEmploymentPermit(db(), w.officerN, p.id, "  The round is on a busy main road with no pavement.  ", BASE, NOW);
    expect(result.status).toBe("refused");
    expect(await permitRow(db(), p.id)).toMatchObject({ status: "refused", decisionReason: "The round is on a busy main road with no pavement.", decidedAt: NOW, decidedByUserId: w.officerUser.id });
    expect((await auditFor(db(), "employment-permit", p.id)).map((e) => [e.action, (e.after as { reason: string }).reason])).toEqual([
      ["employment-permit.refused", "The round is on a busy main road with no pavement."],
    ]);
    const [toEmployer] = await outboxFor(db(), w.employerUser.email);
    expect(toEmployer).toMatchObject({ template: "permit-refused" });
    expect(toEmployer.props).toMatchObject({ audience: "employer", reference: p.reference, reasons: "The round is on a busy main road with no pavement.", url: `${BASE}/employer` });
    const [toParent] = await outboxFor(db(), w.parentUser.email);
    expect(toParent.props).toMatchObject({ audience: "parent", url: `${BASE}/children/${w.child.id}` });
  });

  it("needs reasons, a submitted permit and this council's officer", async () => {
    const w = await permitWorld(db());
    const p = await w.permit();
    expect(await ruleErrors(refuseEmploymentPermit(db(), w.officerN, p.id, "  ", BASE, NOW))).toEqual({
      reasons: ["Enter the reasons for refusing, which are sent to the employer and the parent"],
    });
    await expect(refuseEmploymentPermit(db(), w.officerE, p.id, "No", BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(refuseEmploymentPermit(db(), w.employer, p.id, "No", BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const granted = await w.permit({ status: "granted" });
    expect(await ruleMessages(refuseEmploymentPermit(db(), w.officerN, granted.id, "No", BASE, NOW))).toEqual([
      "This permit's status is granted: it cannot be refused now",
    ]);
    expect(await subjects(w.parentUser.email)).toEqual([]);
  });
});

describe("revokeEmploymentPermit", () => {
  it("revokes the permit and its document in the register, audits both, and emails the employer and the parent once each", async () => {
    const w = await permitWorld(db());
    const p = await w.permit();
    const { reference, documentId } = await grant(w, p.id);
    const result = await revokeEmploymentPermit(db(), w.officerN, p.id, "Noah's attendance has fallen since he started.", BASE, NOW);
    expect(result).toMatchObject({ status: "revoked", reference });
    expect(await permitRow(db(), p.id)).toMatchObject({ status: "revoked", decisionReason: "Noah's attendance has fallen since he started." });
    expect(await documentOf(documentId)).toMatchObject({ status: "revoked", statusReason: "Noah's attendance has fallen since he started." });
    expect((await auditFor(db(), "employment-permit", p.id)).map((e) => e.action)).toEqual(["employment-permit.granted", "employment-permit.revoked"]);
    expect((await auditFor(db(), "document", documentId)).map((e) => e.action)).toEqual(["document.issued", "document.revoked"]);
    expect(await subjects(w.employerUser.email)).toEqual(["permit-granted", "permit-revoked"]);
    expect(await subjects(w.parentUser.email)).toEqual(["permit-granted", "permit-revoked"]);
    const [, revoked] = await outboxFor(db(), w.parentUser.email);
    expect(revoked.props).toMatchObject({ reference, reasons: "Noah's attendance has fallen since he started.", url: `${BASE}/verify/${reference}` });
  });

  it("needs reasons, a granted permit and this council's officer", async () => {
    const w = await permitWorld(db());
    const p = await w.permit();
    expect(await ruleMessages(revokeEmploymentPermit(db(), w.officerN, p.id, "Attendance", BASE, NOW))).toEqual([
      "This permit's status is submitted: it cannot be revoked now",
    ]);
    await grant(w, p.id);
    expect(await ruleErrors(revokeEmploymentPermit(db(), w.officerN, p.id, "", BASE, NOW))).toEqual({
      reasons: ["Enter the reasons for revoking, which are sent to the employer and the parent"],
    });
    await expect(revokeEmploymentPermit(db(), w.officerE, p.id, "Attendance", BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect((await permitRow(db(), p.id)).status).toBe("granted");
  });
});

describe("endEmploymentPermit (the employer reports the job has ended)", () => {
  it("ends the permit on the day given, revokes the document in the register with the end as its reason, audits and emails the parent", async () => {
    const w = await permitWorld(db());
    const p = await w.permit();
    const { documentId } = await grant(w, p.id);
    const later = new Date("2027-03-31T12:00:00Z");
    const result = await endEmploymentPermit(db(), w.employer, p.id, { endedOn: "2027-03-26", reason: " Left to study for exams " }, BASE, later);
    expect(result).toMatchObject({ status: "ended", endedOn: "2027-03-26" });
    expect(await permitRow(db(), p.id)).toMatchObject({ status: "ended", endsOn: "2027-03-26", endedAt: later, endReason: "Left to study for exams" });
    expect(await documentOf(documentId)).toMatchObject({ status: "revoked", statusReason: "The employment ended on Fri 26 March 2027 (reported by the employer)" });
    const audit = await auditFor(db(), "employment-permit", p.id);
    expect(audit.map((e) => [e.action, e.actorUserId])).toEqual([
      ["employment-permit.granted", w.officerUser.id],
      ["employment-permit.ended", w.employerUser.id],
    ]);
    expect((await auditFor(db(), "document", documentId)).map((e) => e.action)).toEqual(["document.issued", "document.revoked"]);
    const [, ended] = await outboxFor(db(), w.parentUser.email);
    expect(ended).toMatchObject({ template: "permit-ended" });
    expect(ended.props).toMatchObject({ cause: "job-ended", endedOn: "2027-03-26", reason: "Left to study for exams", audience: "parent" });
    expect(await subjects(w.employerUser.email)).toEqual(["permit-granted"]);
    expect(await getPermitToEnd(db(), w.employer, p.id)).toMatchObject({ status: "ended", canEnd: false, endsOn: "2027-03-26" });
  });

  it("needs a date from the start date to today, a granted permit, and the employer's own organisation", async () => {
    const w = await permitWorld(db());
    const p = await w.permit();
    expect(await ruleMessages(endEmploymentPermit(db(), w.employer, p.id, { endedOn: TODAY }, BASE, NOW))).toEqual([
      "This permit's status is submitted: it cannot be ended now",
    ]);
    await grant(w, p.id);
    const end = (endedOn: string) => ruleErrors(endEmploymentPermit(db(), w.employer, p.id, { endedOn }, BASE, NOW));
    expect(await end("2026-12-02")).toEqual({ endedOnDay: ["The date the job ended must be today or in the past"] });
    expect(await end("2026-11-30")).toEqual({ endedOnDay: ["The date the job ended must be on or after the start date, Tue 1 December 2026"] });
    expect(await end("2026-02-30")).toEqual({ endedOnDay: ["Enter the date the job ended as a real date"] });
    await expect(endEmploymentPermit(db(), w.rivalEmployer, p.id, { endedOn: TODAY }, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(endEmploymentPermit(db(), w.parent, p.id, { endedOn: TODAY }, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(endEmploymentPermit(db(), w.officerN, p.id, { endedOn: TODAY }, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPermitToEnd(db(), w.rivalEmployer, p.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await permitRow(db(), p.id)).status).toBe("granted");
    // an employer who is also in another organisation sees only their own
    const both = actorFor(w.employerUser, [
      { role: "employer", organisationId: w.rival.id },
      { role: "employer", organisationId: w.shop.id },
    ]);
    expect((await endEmploymentPermit(db(), both, p.id, { endedOn: TODAY }, BASE, NOW)).status).toBe("ended");
    const rows = await db()
      .select()
      .from(issuedDocuments)
      .where(and(eq(issuedDocuments.kind, "employment-permit"), eq(issuedDocuments.status, "revoked")));
    expect(rows).toHaveLength(1);
  });
});
