import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authoritySettings } from "#db/schema/chaperones";
import { childShares, exemptPerformances, performanceDays } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { NotFoundError, } from "~/domain/errors";
import { listExemptPerformancesForOfficer, listProductionExemptPerformances } from "~/domain/exemptions/listExemptPerformances";
import { recordExemptPerformances } from "~/domain/exemptions/recordExemptPerformances";
import {
  actorFor,
  auditFor,
  createAuthority,
  createChild,
  createOrganisation,
  createPerformanceDays,
  createProduction,
  createUsedShare,
  createUser,
  outboxFor,
} from "../factories";
import { createBopaApplication } from "#db/factories-bopa";
import { useTestDatabase } from "../setup/db";
import { ruleMessages } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
const NOW = new Date("2026-11-23T10:00:00Z");

/** Northmere hosts Footlights' show; Amelia lives in Eastbrook; a third council sees nothing. */
async function world(production: { paid?: boolean; broadcast?: boolean } = {}) {
  const north = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const east = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council" });
  const west = await createAuthority(db(), { code: "WSC", name: "Westshire Council" });
  const org = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const otherOrg = await createOrganisation(db(), { kind: "producer", name: "Rival Shows Ltd" });
  const producerUser = await createUser(db(), { name: "Pete Producer" });
  const producer = actorFor(producerUser, [{ role: "producer", organisationId: org.id }]);
  const rival = actorFor(await createUser(db(), { name: "Rita Rival" }), [{ role: "producer", organisationId: otherOrg.id }]);
  const parent = await createUser(db(), { name: "Pat Parent", email: "pat@example.com" });
  const show = await createProduction(db(), {
    organisationId: org.id,
    hostAuthorityId: north.id,
    createdByUserId: producerUser.id,
    title: "Spring showcase",
    firstDate: "2027-03-01",
    lastDate: "2027-03-31",
    ...production,
  });
  const amelia = await createChild(db(), { parentUserId: parent.id, homeAuthorityId: east.id, firstName: "Amelia", lastName: "Jones", dateOfBirth: "2016-04-10" });
  const ben = await createChild(db(), { parentUserId: parent.id, homeAuthorityId: east.id, firstName: "Ben", lastName: "Jones", dateOfBirth: "2018-01-02" });
  await createUsedShare(db(), { childId: amelia.id, productionId: show.id, parentUserId: parent.id });
  await createUsedShare(db(), { childId: ben.id, productionId: show.id, parentUserId: parent.id });
  const officer = (authorityId: string) => actorFor({ id: crypto.randomUUID(), name: "Officer" }, [{ role: "officer", authorityId }]);
  return { north, east, west, org, producer, rival, parent, show, amelia, ben, officer };
}

const record = (w: Awaited<ReturnType<typeof world>>, over: Partial<Parameters<typeof recordExemptPerformances>[2]> = {}) =>
  recordExemptPerformances(
    db(),
    w.producer,
    { productionId: w.show.id, childIds: [w.amelia.id], dates: ["2027-03-13"], basis: "four-day-rule", absenceFromSchool: false, ...over },
    BASE,
    NOW,
  );

describe("recordExemptPerformances", () => {
  it("records a 4th day after exactly 3 earlier days: the record, the days, a signed exemption record, the parent's email and the audit", async () => {
    const w = await world();
    await createPerformanceDays(db(), w.amelia.id, ["2026-10-01", "2026-11-14", "2027-01-20"]);
    const outcome = await record(w);
    expect(outcome.recorded).toBe(true);
    if (!outcome.recorded) return;
    expect(outcome.outcomes[0].result.basis).toBe("four-day-rule");
    expect(outcome.outcomes[0].result.reasons[0].counted).toEqual(["2026-10-01", "2026-11-14", "2027-01-20"]);

    const days = await db().select().from(performanceDays).where(eq(performanceDays.childId, w.amelia.id));
    expect(days.map((d) => d.date).sort()).toEqual(["2026-10-01", "2026-11-14", "2027-01-20", "2027-03-13"]);
    const added = days.find((d) => d.date === "2027-03-13")!;
    expect(added).toMatchObject({ basis: "four-day-rule", productionId: w.show.id, organiserName: "Footlights Productions Ltd", authorityId: w.north.id });

    const [doc] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.reference, outcome.documents[0]));
    expect(doc).toMatchObject({ kind: "exemption-record", authorityId: w.east.id, childName: "Amelia Jones", parentUserId: w.parent.id, organisationId: w.org.id });
    expect(doc.issuedByName).toBe("Automatic exemption check");
    expect(doc.reference).toMatch(/^EBC-EX-2026-\d{6}$/);

    const [mail] = await outboxFor(db(), "pat@example.com");
    expect(mail.template).toBe("exempt-performance-recorded");
    expect(mail.props).toMatchObject({ childName: "Amelia", productionTitle: "Spring showcase", reference: doc.reference });
    const [row] = await db().select().from(exemptPerformances).where(eq(exemptPerformances.childId, w.amelia.id));
    expect(row.documentId).toBe(doc.id);
    expect((await auditFor(db(), "exempt-performance", row.id)).map((a) => a.action)).toEqual(["exemption.recorded"]);
  });

  it("refuses a day that would be the 5th, naming the rule and the days counted, and records nothing", async () => {
    const w = await world();
    await createPerformanceDays(db(), w.amelia.id, ["2026-10-01", "2026-11-14", "2027-01-20", "2027-02-27"]);
    const outcome = await record(w);
    expect(outcome.recorded).toBe(false);
    const [amelia] = outcome.outcomes;
    expect(amelia.ok).toBe(false);
    expect(amelia.result.reasons[0]).toMatchObject({ rule: "EXEMPT-4DAY", counted: ["2026-10-01", "2026-11-14", "2027-01-20", "2027-02-27"] });
    expect(amelia.result.reasons[0].message).toContain("5th performance day");
    expect(await db().select().from(exemptPerformances)).toHaveLength(0);
    expect(await db().select().from(performanceDays).where(eq(performanceDays.childId, w.amelia.id))).toHaveLength(4);
    expect(await outboxFor(db(), "pat@example.com")).toHaveLength(0);
  });

  it("counts days recorded by an earlier recording, so the fifth day of a run is refused", async () => {
    const w = await world();
    expect((await record(w, { dates: ["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04"] })).recorded).toBe(true);
    const fifth = await record(w, { dates: ["2027-03-05"] });
    expect(fifth.recorded).toBe(false);
    expect(fifth.outcomes[0].result.reasons[0].message).toContain("5th performance day");
  });

  it("records nobody when one child of several fails, returning each child's result", async () => {
    const w = await world();
    await createPerformanceDays(db(), w.ben.id, ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"]);
    const outcome = await record(w, { childIds: [w.amelia.id, w.ben.id] });
    expect(outcome.recorded).toBe(false);
    expect(outcome.outcomes.map((o) => [o.name, o.ok])).toEqual([
      ["Amelia Jones", true],
      ["Ben Jones", false],
    ]);
    expect(await db().select().from(exemptPerformances)).toHaveLength(0);
  });

  it("refuses a paid production", async () => {
    const paid = await world({ paid: true });
    const refusedPaid = await record(paid);
    expect(refusedPaid.outcomes[0].result.reasons.map((r) => r.rule)).toEqual(["EXEMPT-PAYMENT"]);
  });

  it("refuses a broadcast production unless the child's home council allows broadcast", async () => {
    const broadcast = await world({ broadcast: true });
    expect((await record(broadcast)).outcomes[0].result.reasons.map((r) => r.rule)).toEqual(["EXEMPT-BROADCAST"]);
    await db().insert(authoritySettings).values({ authorityId: broadcast.east.id, exemptBroadcastAllowed: true });
    expect((await record(broadcast)).recorded).toBe(true);
  });

  it("refuses time off school by default", async () => {
    const w = await world();
    const outcome = await record(w, { absenceFromSchool: true });
    expect(outcome.outcomes[0].result.reasons.map((r) => r.rule)).toEqual(["EXEMPT-ABSENCE"]);
  });

  it("refuses the BOPA basis when the organisation holds no approval covering the dates", async () => {
    const w = await world();
    const outcome = await record(w, { basis: "bopa" });
    expect(outcome.recorded).toBe(false);
    expect(outcome.outcomes[0].result.reasons[0]).toMatchObject({ rule: "EXEMPT-BOPA" });
    expect(outcome.outcomes[0].result.reasons[0].message).toContain("does not hold a current body of persons approval from Northmere Council");
  });

  it("records under a granted BOPA from the host council covering the dates, whatever the child's earlier days", async () => {
    const w = await world();
    await createPerformanceDays(db(), w.amelia.id, ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"]);
    await createBopaApplication(db(), { organisationId: w.org.id, hostAuthorityId: w.east.id, status: "granted" });
    expect((await record(w, { basis: "bopa" })).recorded).toBe(false);
    const bopa = await createBopaApplication(db(), { organisationId: w.org.id, hostAuthorityId: w.north.id, status: "granted" });
    const outcome = await record(w, { basis: "bopa" });
    expect(outcome.recorded).toBe(true);
    expect(outcome.outcomes[0].result.basis).toBe("bopa");
    const [row] = await db().select().from(exemptPerformances);
    expect(row).toMatchObject({ basis: "bopa", bopaApplicationId: bopa.id });
    const days = await db().select().from(performanceDays).where(eq(performanceDays.exemptPerformanceId, row.id));
    expect(days.map((d) => d.basis)).toEqual(["bopa"]);
  });

  it("says no record is needed for a child over school age", async () => {
    const w = await world();
    const older = await createChild(db(), { parentUserId: w.parent.id, homeAuthorityId: w.east.id, dateOfBirth: "2010-07-01" });
    await createUsedShare(db(), { childId: older.id, productionId: w.show.id, parentUserId: w.parent.id });
    const outcome = await record(w, { childIds: [older.id] });
    expect(outcome.recorded).toBe(false);
    expect(outcome.outcomes[0].result.reasons[0].rule).toBe("EXEMPT-CHILD");
  });

  it("rejects dates outside the production, none at all, no children, and a day already recorded", async () => {
    const w = await world();
    expect(await ruleMessages(record(w, { dates: ["2027-04-01"] }))).toEqual([
      "Thu 1 April 2027 is outside the production's dates (Mon 1 March 2027 to Wed 31 March 2027)",
    ]);
    expect(await ruleMessages(record(w, { dates: [] }))).toEqual(["Enter at least one performance date"]);
    expect(await ruleMessages(record(w, { childIds: [] }))).toEqual(["Select the children taking part"]);
    await record(w);
    expect(await ruleMessages(record(w))).toEqual(["Amelia Jones is already recorded for this production on Sat 13 March 2027"]);
  });

  it("denies a producer of another organisation, a child not shared, and a share the parent revoked", async () => {
    const w = await world();
    await expect(recordExemptPerformances(db(), w.rival, { productionId: w.show.id, childIds: [w.amelia.id], dates: ["2027-03-13"], basis: "four-day-rule", absenceFromSchool: false }, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const stranger = await createChild(db(), { parentUserId: w.parent.id, homeAuthorityId: w.east.id });
    await expect(record(w, { childIds: [stranger.id] })).rejects.toBeInstanceOf(NotFoundError);
    await db().update(childShares).set({ revokedAt: NOW }).where(eq(childShares.childId, w.amelia.id));
    await expect(record(w)).rejects.toBeInstanceOf(NotFoundError);
    await expect(record(w, { productionId: "not-a-uuid" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("listing exempt performances", () => {
  it("shows officers of the home and host councils, the PDF only to the home council, and nothing to another council", async () => {
    const w = await world();
    const outcome = await record(w);
    if (!outcome.recorded) throw new Error("expected a recording");
    const [home] = await listExemptPerformancesForOfficer(db(), w.officer(w.east.id));
    expect(home).toMatchObject({ childFirstName: "Amelia", productionTitle: "Spring showcase", documentReference: outcome.documents[0] });
    const [host] = await listExemptPerformancesForOfficer(db(), w.officer(w.north.id));
    expect(host.documentReference).toBeNull();
    expect(await listExemptPerformancesForOfficer(db(), w.officer(w.west.id))).toEqual([]);
    expect(await listProductionExemptPerformances(db(), w.producer, w.show.id)).toHaveLength(1);
    await expect(listProductionExemptPerformances(db(), w.rival, w.show.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
