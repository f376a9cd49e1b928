import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { chaperoneChangeReports } from "#db/schema/chaperones";
import { acknowledgeChangeReport } from "~/domain/chaperones/acknowledgeChangeReport";
import { getChangeReport, listChangeReports } from "~/domain/chaperones/changeReportsForOfficer";
import { grantChaperoneLicence } from "~/domain/chaperones/grantChaperoneLicence";
import { judgeReference } from "~/domain/chaperones/judgeReference";
import { recordChaperoneCheck } from "~/domain/chaperones/recordChaperoneCheck";
import { reportChaperoneChange } from "~/domain/chaperones/reportChaperoneChange";
import { NotFoundError, RuleError } from "~/domain/errors";
import { actorFor, auditFor, createAuthority, createChaperoneApplication, createUser, outboxFor } from "../factories";
import { useTestDatabase } from "../setup/db";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
const NOW = new Date("2026-11-23T10:00:00Z");

/** A chaperone approved by Northmere, two Northmere officers, and an Eastbrook officer. */
async function world() {
  const a = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const b = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council" });
  const olive = await createUser(db(), { name: "Olive Officer", memberships: [{ role: "officer", authorityId: a.id }] });
  const oscar = await createUser(db(), { name: "Oscar Officer", memberships: [{ role: "officer", authorityId: a.id }] });
  const omar = await createUser(db(), { name: "Omar Officer", memberships: [{ role: "officer", authorityId: b.id }] });
  const officerA = actorFor(olive, [{ role: "officer", authorityId: a.id }]);
  const officerB = actorFor(omar, [{ role: "officer", authorityId: b.id }]);
  const made = await createChaperoneApplication(db(), { authorityId: a.id, firstName: "Casey", lastName: "Candidate" });
  const id = made.application.id;
  await recordChaperoneCheck(db(), officerA, id, { check: "identity", outcome: "seen" }, NOW);
  await recordChaperoneCheck(db(), officerA, id, { check: "dbs", outcome: "clear" }, NOW);
  await recordChaperoneCheck(db(), officerA, id, { check: "interview", outcome: "passed", date: "2026-11-20" }, NOW);
  await recordChaperoneCheck(db(), officerA, id, { check: "training", outcome: "confirmed" }, NOW);
  for (const r of made.referees) await judgeReference(db(), officerA, id, r.id, "satisfactory", NOW);
  const licence = await grantChaperoneLicence(db(), officerA, id, { startDate: "2026-11-23" }, BASE, NOW);
  const chaperone = actorFor(made.applicant, [{ role: "chaperone" }]);
  return { a, b, olive, oscar, omar, officerA, officerB, chaperone, licence };
}

describe("reportChaperoneChange", () => {
  it("stores the report, audits it and emails every officer of the approving council", async () => {
    const w = await world();
    const input = { documentReference: w.licence.reference, kind: "address", details: "Moved to 2 New Road, Northmere NM1 3CD", happenedOn: "2026-11-20" };
    const { reportId, late, outboxIds } = await reportChaperoneChange(db(), w.chaperone, input, BASE, { now: NOW });
    expect(late).toBe(false);
    expect(outboxIds).toHaveLength(2);
    const [row] = await db().select().from(chaperoneChangeReports).where(eq(chaperoneChangeReports.id, reportId));
    expect(row).toMatchObject({ documentId: w.licence.documentId, authorityId: w.a.id, kind: "address", happenedOn: "2026-11-20", late: false, acknowledgedAt: null });
    for (const officer of [w.olive, w.oscar]) {
      const [mail] = await outboxFor(db(), officer.email);
      expect(mail).toMatchObject({ template: "chaperone-change-reported", props: { url: `${BASE}/officer/chaperones/changes/${reportId}`, late: false, change: "Change of address" } });
    }
    expect(await outboxFor(db(), w.omar.email)).toEqual([]);
    const [audit] = await auditFor(db(), "chaperone-change-report", reportId);
    expect(audit).toMatchObject({ action: "chaperone.change-reported", actorUserId: w.chaperone.userId, after: { licence: w.licence.reference, kind: "address", late: false } });
  });

  it("accepts a report more than 7 days after the change but flags it late; 7 days is on time", async () => {
    const w = await world();
    const base = { documentReference: w.licence.reference, kind: "arrest-conviction-caution", details: "Cautioned for a public order offence" };
    expect((await reportChaperoneChange(db(), w.chaperone, { ...base, happenedOn: "2026-11-16" }, BASE, { now: NOW })).late).toBe(false);
    const { reportId, late } = await reportChaperoneChange(db(), w.chaperone, { ...base, happenedOn: "2026-11-15" }, BASE, { now: NOW });
    expect(late).toBe(true);
    expect((await getChangeReport(db(), w.officerA, reportId)).late).toBe(true);
  });

  it("asks for the change, details and a date that is not in the future", async () => {
    const w = await world();
    const error = await reportChaperoneChange(db(), w.chaperone, { documentReference: w.licence.reference, kind: "", details: "  ", happenedOn: "2026-11-24" }, BASE, { now: NOW }).catch((e) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect(error.fieldErrors).toEqual({
      kind: ["Select what has changed"],
      details: ["Enter details of the change"],
      happenedOnDay: ["The date it happened must be today or in the past"],
    });
  });

  it("another chaperone cannot report on someone else's approval", async () => {
    const w = await world();
    const other = actorFor(await createUser(db(), { memberships: [{ role: "chaperone" }] }), [{ role: "chaperone" }]);
    const input = { documentReference: w.licence.reference, kind: "other", details: "Not mine", happenedOn: "2026-11-20" };
    await expect(reportChaperoneChange(db(), other, input, BASE, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().select().from(chaperoneChangeReports)).toEqual([]);
  });
});

describe("listChangeReports and acknowledgeChangeReport", () => {
  it("the approving council's officers see open reports and acknowledge them, audited; other councils get not found", async () => {
    const w = await world();
    const input = { documentReference: w.licence.reference, kind: "serious-illness", details: "Hospital stay", happenedOn: "2026-11-22" };
    const { reportId } = await reportChaperoneChange(db(), w.chaperone, input, BASE, { now: NOW });
    expect((await listChangeReports(db(), w.officerA)).map((r) => [r.id, r.kindLabel, r.reference, r.chaperoneName])).toEqual([
      [reportId, "Serious illness", w.licence.reference, "Casey Candidate"],
    ]);
    expect(await listChangeReports(db(), w.officerB)).toEqual([]);
    expect(await listChangeReports(db(), w.chaperone)).toEqual([]);
    await expect(getChangeReport(db(), w.officerB, reportId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(acknowledgeChangeReport(db(), w.officerB, reportId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(acknowledgeChangeReport(db(), w.chaperone, reportId, NOW)).rejects.toBeInstanceOf(NotFoundError);

    await acknowledgeChangeReport(db(), w.officerA, reportId, NOW);
    expect(await getChangeReport(db(), w.officerA, reportId)).toMatchObject({ acknowledgedBy: "Olive Officer", acknowledgedAt: NOW.toISOString() });
    expect(await listChangeReports(db(), w.officerA)).toEqual([]);
    await expect(acknowledgeChangeReport(db(), w.officerA, reportId, NOW)).rejects.toBeInstanceOf(RuleError);
    const events = await auditFor(db(), "chaperone-change-report", reportId);
    expect(events.map((e) => [e.action, e.actorLabel])).toEqual([
      ["chaperone.change-reported", expect.any(String)],
      ["chaperone.change-acknowledged", "Olive Officer"],
    ]);
  });
});
