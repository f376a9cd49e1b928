import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBopaApplication } from "#db/factories-bopa";
import { createEmploymentPermit } from "#db/factories-employment";
import { createChaperoneApproval } from "#db/factories-licences";
import { auditEvents } from "#db/schema/audit";
import { authoritySettings } from "#db/schema/chaperones";
import { exemptPerformances } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { schoolConsultations } from "#db/schema/licences";
import { concerns, ladoReferrals } from "#db/schema/safeguarding";
import { NotFoundError } from "~/domain/errors";
import { getAnnualReport } from "~/domain/reporting/getAnnualReport";
import { getServicePerformance } from "~/domain/reporting/getServicePerformance";
import { reportTables } from "~/domain/reporting/tables";
import { loader as csvLoader } from "~/routes/reports.csv.$table";
import { loader as reportLoader } from "~/routes/reports._index";
import { loader as publicLoader } from "~/routes/service-performance";
import type { Db } from "~/server/db.server";
import {
  actorFor,
  createAuthority,
  createChaperoneApplication,
  createChild,
  createOrganisation,
  createPerformanceApplication,
  createProduction,
  createUser,
} from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, run, signedIn } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext("http://portal.test");

/** Monday 7 December 2026, 10:00 in London: the last complete financial year is 1 April 2025 to 31 March 2026. */
const NOW = new Date("2026-12-07T10:00:00Z");
const FY = { from: "2025-04-01", to: "2026-03-31" };
const at = (iso: string) => new Date(iso);

/**
 * Northmere (target 5 working days, closed on 4 March 2026) and Eastbrook, with a known set of applications,
 * approvals, objections, exemptions and LADO referrals in and around the 2025/26 financial year. The comments give
 * each record's part in the figures.
 */
async function reportWorld(db: Db) {
  const nmc = await createAuthority(db, { code: "NMC", name: "Northmere Council" });
  const ebc = await createAuthority(db, { code: "EBC", name: "Eastbrook City Council" });
  await db.insert(authoritySettings).values({ authorityId: nmc.id, licenceDecisionTargetWorkingDays: 5, closureDays: ["2026-03-04"] });
  const officerUser = await createUser(db, { name: "Olive Officer", memberships: [{ role: "officer", authorityId: nmc.id }] });
  const adminUser = await createUser(db, { name: "Ada Admin", memberships: [{ role: "admin", authorityId: nmc.id }] });
  const otherOfficerUser = await createUser(db, { name: "Omar Officer", memberships: [{ role: "officer", authorityId: ebc.id }] });
  const bothUser = await createUser(db, {
    name: "Bea Both",
    memberships: [
      { role: "officer", authorityId: nmc.id },
      { role: "officer", authorityId: ebc.id },
    ],
  });
  const ladoUser = await createUser(db, { name: "Lee LADO", memberships: [{ role: "lado", authorityId: nmc.id }] });
  const parentUser = await createUser(db, { name: "Priya Parent" });
  const company = await createOrganisation(db, { kind: "producer", name: "Footlights Productions Ltd" });
  const producerUser = await createUser(db, { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  const production = await createProduction(db, { organisationId: company.id, hostAuthorityId: nmc.id, createdByUserId: producerUser.id, title: "Peter Pan" });
  const child = (authorityId: string, firstName: string, dateOfBirth = "2015-05-01") =>
    createChild(db, { parentUserId: parentUser.id, homeAuthorityId: authorityId, firstName, lastName: "Secretname", dateOfBirth });
  const audit = (action: string, recordType: string, recordId: string, when: string) =>
    db.insert(auditEvents).values({ actorLabel: "Olive Officer", action, recordType, recordId, at: at(when) });

  // Performance licences. Each first day is followed by a second, later one.
  const licence = async (authorityId: string, name: string, columns: Partial<Parameters<typeof createPerformanceApplication>[1]>, firstDay?: string) => {
    const kid = await child(authorityId, name);
    const days = firstDay ? [{ date: firstDay }, { date: "2027-12-31" }] : [];
    return createPerformanceApplication(db, { productionId: production.id, organisationId: company.id, childId: kid.id, authorityId, ...columns }, days);
  };
  // P1: received Mon 2 June 2025, decided Fri 6 June (00:30 London, still the 5th in UTC): 4 days, in time, within target
  const p1 = await licence(nmc.id, "Alice", { status: "granted", submittedAt: at("2025-06-02T09:00:00Z"), decidedAt: at("2025-06-05T23:30:00Z") }, "2025-06-20");
  // P2: late; 11 days; decided after its first day (14 June); outside the target; the school objected
  const p2 = await licence(nmc.id, "Ben", { status: "granted", late: true, submittedAt: at("2025-06-09T09:00:00Z"), decidedAt: at("2025-06-20T12:00:00Z") }, "2025-06-14");
  // P3: refused after 9 days (target was Tue 7 October); the school objected
  const p3 = await licence(
    nmc.id,
    "Cara",
    {
      status: "refused",
      submittedAt: at("2025-09-30T09:00:00Z"),
      decidedAt: at("2025-10-09T12:00:00Z"),
      decisionReason: 'No tutor named, and the school says "education will suffer"',
    },
    "2025-11-01",
  );
  // P4: granted Tue 10 March 2026 (8 days; within target only because the council was closed on 4 March), revoked in June
  const p4 = await licence(
    nmc.id,
    "Dan",
    { status: "revoked", submittedAt: at("2026-03-02T10:00:00Z"), decidedAt: at("2026-06-01T10:00:00Z"), decisionReason: "Condition broken: no chaperone" },
    "2026-03-20",
  );
  await audit("licence.granted", "performance-application", p4.id, "2026-03-10T10:00:00Z");
  // P5: received in March 2026, decided 23:30 UTC on 31 March = 1 April 2026 in London: outside the year, inside the last 12 months (7 days)
  await licence(nmc.id, "Eve", { status: "granted", submittedAt: at("2026-03-25T10:00:00Z"), decidedAt: at("2026-03-31T23:30:00Z") }, "2026-04-10");
  // P6: received 23:30 UTC on 31 March 2025 = 1 April in London (in the year); still open; the school objected
  const p6 = await licence(nmc.id, "Finn", { status: "under-review", submittedAt: at("2025-03-31T23:30:00Z") }, "2025-05-01");
  // P8: received and decided before the year; its objection too
  const p8 = await licence(nmc.id, "Gus", { status: "granted", submittedAt: at("2025-03-20T10:00:00Z"), decidedAt: at("2025-03-31T12:00:00Z") }, "2025-04-05");
  // P9: a draft, never received
  await licence(nmc.id, "Hal", { status: "draft" });
  // Eastbrook: P7 decided in the last 12 months, 4 days, after its first day; P10 refused in the year
  await licence(ebc.id, "Ivy", { status: "granted", submittedAt: at("2026-05-01T09:00:00Z"), decidedAt: at("2026-05-05T09:00:00Z") }, "2026-05-03");
  const p10 = await licence(
    ebc.id,
    "Jay",
    { status: "refused", submittedAt: at("2025-06-03T09:00:00Z"), decidedAt: at("2025-06-10T09:00:00Z"), decisionReason: "Eastbrook reason" },
    "2025-07-01",
  );

  // Employment permits
  const permit = async (name: string, dateOfBirth: string, columns: Partial<Parameters<typeof createEmploymentPermit>[1]>) => {
    const kid = await child(nmc.id, name, dateOfBirth);
    return createEmploymentPermit(db, { authorityId: nmc.id, childId: kid.id, parentUserId: parentUser.id, ...columns });
  };
  // E1: 7 days, newspapers, aged 13 at the start
  await permit("Kit", "2011-09-01", {
    status: "granted",
    submittedAt: at("2025-05-05T09:00:00Z"),
    decidedAt: at("2025-05-12T09:00:00Z"),
    occupation: "newspaper-delivery",
    startDate: "2025-05-03",
  });
  // E2: late, refused after 3 days
  await permit("Lou", "2011-01-01", {
    status: "refused",
    late: true,
    submittedAt: at("2025-07-01T09:00:00Z"),
    decidedAt: at("2025-07-04T09:00:00Z"),
    occupation: "shop-work",
    startDate: "2025-06-20",
    decisionReason: "The hours break the byelaws on school days",
  });
  // E3: late, granted after 7 days and since ended; a shop, aged 15; the school raised a concern
  const e3 = await permit("Max", "2010-10-15", {
    status: "ended",
    late: true,
    submittedAt: at("2025-11-10T10:00:00Z"),
    decidedAt: at("2025-11-17T10:00:00Z"),
    occupation: "shop-work",
    startDate: "2025-11-01",
  });
  // E4: granted Fri 9 January 2026 (4 days), revoked in February; newspapers, aged 14
  const e4 = await permit("Ned", "2012-01-02", {
    status: "revoked",
    submittedAt: at("2026-01-05T10:00:00Z"),
    decidedAt: at("2026-02-01T10:00:00Z"),
    occupation: "newspaper-delivery",
    startDate: "2026-01-03",
    decisionReason: "Working in school hours",
  });
  await audit("employment-permit.granted", "employment-permit", e4.id, "2026-01-09T10:00:00Z");
  // E5: a draft
  await permit("Oz", "2011-01-01", { status: "draft" });

  // School answers
  const answer = (subject: { applicationId: string } | { permitId: string }, response: "consent" | "object", grounds: ("education" | "health" | "welfare")[], when: string) =>
    db.insert(schoolConsultations).values({
      ...subject,
      email: "head@school.example",
      tokenHash: `hash-${Math.random()}`,
      expiresAt: at("2030-01-01T00:00:00Z"),
      dueOn: "2025-01-01",
      response,
      grounds: response === "object" ? grounds : null,
      reasons: "Reasons the school gave",
      respondedAt: at(when),
    });
  await answer({ applicationId: p2.id }, "object", ["education", "welfare"], "2025-06-12T10:00:00Z");
  await answer({ applicationId: p3.id }, "object", ["education"], "2025-10-03T10:00:00Z");
  await answer({ applicationId: p6.id }, "object", ["health"], "2025-04-03T10:00:00Z");
  await answer({ applicationId: p1.id }, "consent", [], "2025-06-03T10:00:00Z");
  await answer({ applicationId: p8.id }, "object", ["welfare"], "2025-03-25T10:00:00Z");
  await answer({ permitId: e3.id }, "object", ["welfare"], "2025-11-12T10:00:00Z");
  await answer({ applicationId: p10.id }, "object", ["health"], "2025-06-05T10:00:00Z");

  // BOPA, hosted by Northmere
  const bopa = (columns: Partial<Parameters<typeof createBopaApplication>[1]>) =>
    createBopaApplication(db, { organisationId: company.id, hostAuthorityId: nmc.id, submittedByUserId: producerUser.id, ...columns });
  // B1: granted after 10 days, in force on 31 March 2026
  await bopa({ status: "granted", submittedAt: at("2025-04-10T09:00:00Z"), decidedAt: at("2025-04-20T09:00:00Z"), periodFrom: "2025-05-01", periodTo: "2026-04-30" });
  // B2: refused after 4 days
  await bopa({
    status: "refused",
    submittedAt: at("2025-08-01T09:00:00Z"),
    decidedAt: at("2025-08-05T09:00:00Z"),
    decisionReason: "No child protection policy review in the last 12 months",
  });
  // B3: granted Mon 8 September 2025 (7 days), revoked in January: not in force at the end
  const b3 = await bopa({ status: "revoked", submittedAt: at("2025-09-01T09:00:00Z"), decidedAt: at("2026-01-15T09:00:00Z"), periodFrom: "2025-10-01", periodTo: "2026-09-30" });
  await audit("bopa.granted", "bopa-application", b3.id, "2025-09-08T09:00:00Z");
  // B4: late, waiting
  await bopa({ status: "submitted", late: true, submittedAt: at("2026-03-20T09:00:00Z") });
  // B5: an earlier approval that ended in June 2025
  await bopa({ status: "granted", submittedAt: at("2024-06-01T09:00:00Z"), decidedAt: at("2024-06-10T09:00:00Z"), periodFrom: "2024-07-01", periodTo: "2025-06-30" });
  // B6: granted in 2024, revoked only in May 2026: in force on 31 March 2026, not a decision of the year
  const b6 = await bopa({ status: "revoked", submittedAt: at("2024-05-01T09:00:00Z"), decidedAt: at("2026-05-01T09:00:00Z"), periodFrom: "2024-06-01", periodTo: "2026-05-31" });
  await audit("bopa.granted", "bopa-application", b6.id, "2024-05-05T09:00:00Z");

  // Chaperone approvals and applications
  const d0 = await createChaperoneApproval(db, { authorityId: nmc.id, holderName: "Cal Old", validFrom: "2023-02-01", validTo: "2026-01-31" });
  // C1: new, 14 days
  await createChaperoneApplication(db, { authorityId: nmc.id, status: "granted", submittedAt: at("2025-05-01T09:00:00Z"), decidedAt: at("2025-05-15T09:00:00Z") });
  // C2: renewing D0, 9 days (in the last 12 months too)
  await createChaperoneApplication(db, {
    authorityId: nmc.id,
    status: "granted",
    renewsDocumentId: d0.id,
    submittedAt: at("2025-12-01T10:00:00Z"),
    decidedAt: at("2025-12-10T10:00:00Z"),
  });
  // C3: refused after 29 days, with a list for a reason
  await createChaperoneApplication(db, {
    authorityId: nmc.id,
    status: "refused",
    submittedAt: at("2025-06-01T09:00:00Z"),
    decidedAt: at("2025-06-30T09:00:00Z"),
    decisionReason: "- References were not satisfactory\n- No training record",
  });
  // C4: being checked
  await createChaperoneApplication(db, { authorityId: nmc.id, status: "checks-in-progress", submittedAt: at("2026-02-01T10:00:00Z") });
  // D1 varied into D1v on 1 July 2025; both end on 31 August 2025 (counted once)
  const d1 = await createChaperoneApproval(db, { authorityId: nmc.id, validFrom: "2022-09-01", validTo: "2025-08-31", status: "superseded" });
  const d1v = await createChaperoneApproval(db, { authorityId: nmc.id, validFrom: "2022-09-01", validTo: "2025-08-31" });
  await db.update(issuedDocuments).set({ supersedesId: d1.id, issuedAt: at("2025-07-01T10:00:00Z") }).where(eq(issuedDocuments.id, d1v.id));
  // D2 suspended twice in the year (counted once); D3 suspended after it; D5 revoked, ending in the year (not counted)
  const d2 = await createChaperoneApproval(db, { authorityId: nmc.id, validFrom: "2024-05-01", validTo: "2027-05-01", status: "suspended" });
  await audit("document.suspended", "document", d2.id, "2025-09-10T10:00:00Z");
  await audit("document.reinstated", "document", d2.id, "2025-09-20T10:00:00Z");
  await audit("document.suspended", "document", d2.id, "2025-10-01T10:00:00Z");
  const d3 = await createChaperoneApproval(db, { authorityId: nmc.id, validFrom: "2024-05-01", validTo: "2027-05-01", status: "suspended" });
  await audit("document.suspended", "document", d3.id, "2026-04-02T10:00:00Z");
  await createChaperoneApproval(db, { authorityId: nmc.id, validFrom: "2023-01-01", validTo: "2025-12-31", status: "revoked" });
  const d4 = await createChaperoneApproval(db, { authorityId: ebc.id, validFrom: "2024-05-01", validTo: "2025-12-31", status: "suspended" });
  await audit("document.suspended", "document", d4.id, "2025-09-10T10:00:00Z");

  // Exempt performances
  const exempt = async (basis: "four-day-rule" | "bopa" | "school", home: string, host: string, when: string) => {
    const kid = await child(home, "Pat");
    await db.insert(exemptPerformances).values({
      productionId: production.id,
      organisationId: company.id,
      childId: kid.id,
      basis,
      dates: ["2025-06-01"],
      check: {},
      homeAuthorityId: home,
      hostAuthorityId: host,
      recordedByUserId: producerUser.id,
      createdAt: at(when),
    });
  };
  await exempt("four-day-rule", nmc.id, nmc.id, "2025-05-10T10:00:00Z");
  await exempt("bopa", ebc.id, nmc.id, "2025-08-01T10:00:00Z");
  await exempt("school", nmc.id, ebc.id, "2026-01-10T10:00:00Z");
  await exempt("four-day-rule", nmc.id, nmc.id, "2026-04-02T10:00:00Z");
  await exempt("four-day-rule", ebc.id, ebc.id, "2025-06-01T10:00:00Z");

  // LADO referrals
  let n = 0;
  const referral = async (authorityId: string, receivedOn: string, referredOn: string, outcome?: { outcome: "unfounded" | "unsubstantiated"; on: string }) => {
    const [concern] = await db
      .insert(concerns)
      .values({
        reference: `CON-TEST-${String(++n).padStart(4, "0")}`,
        authorityId,
        receivedAt: at(`${receivedOn}T10:00:00Z`),
        receivedOn,
        reporterName: "Rita Reporter",
        reporterEmail: "rita@example.com",
        reporterRelationship: "Box office",
        subjectName: "Sam Stagehand",
        subjectRole: "production-staff",
        whatHappened: "Shouted at a child",
        happenedOn: receivedOn,
        status: "referred",
      })
      .returning();
    await db.insert(ladoReferrals).values({
      concernId: concern.id,
      authorityId,
      categories: ["harm"],
      referredOn,
      outcome: outcome?.outcome ?? null,
      outcomeOn: outcome?.on ?? null,
    });
  };
  await referral(nmc.id, "2025-05-01", "2025-05-02", { outcome: "unfounded", on: "2025-05-20" });
  // received Friday 22 August 2025; Monday 25 August was a bank holiday: referred on time on Tuesday 26
  await referral(nmc.id, "2025-08-22", "2025-08-26", { outcome: "unsubstantiated", on: "2025-11-01" });
  await referral(nmc.id, "2026-03-02", "2026-03-04");
  await referral(nmc.id, "2026-04-05", "2026-04-06");
  await referral(ebc.id, "2025-06-01", "2025-06-05");

  return {
    nmc,
    ebc,
    officerUser,
    adminUser,
    otherOfficerUser,
    bothUser,
    ladoUser,
    parentUser,
    officer: actorFor(officerUser, [{ role: "officer", authorityId: nmc.id }]),
    admin: actorFor(adminUser, [{ role: "admin", authorityId: nmc.id }]),
    otherOfficer: actorFor(otherOfficerUser, [{ role: "officer", authorityId: ebc.id }]),
    both: actorFor(bothUser, [
      { role: "officer", authorityId: nmc.id },
      { role: "officer", authorityId: ebc.id },
    ]),
    lado: actorFor(ladoUser, [{ role: "lado", authorityId: nmc.id }]),
    parent: actorFor(parentUser, [{ role: "parent" }]),
  };
}

/** Northmere's 2025/26 report, table by table, as worked out by hand from reportWorld. */
const EXPECTED_TABLES = {
  "applications-received": [
    ["April 2025", 1, 0, 1, 0, 2],
    ["May 2025", 0, 1, 0, 1, 2],
    ["June 2025", 2, 0, 0, 1, 3],
    ["July 2025", 0, 1, 0, 0, 1],
    ["August 2025", 0, 0, 1, 0, 1],
    ["September 2025", 1, 0, 1, 0, 2],
    ["October 2025", 0, 0, 0, 0, 0],
    ["November 2025", 0, 1, 0, 0, 1],
    ["December 2025", 0, 0, 0, 1, 1],
    ["January 2026", 0, 1, 0, 0, 1],
    ["February 2026", 0, 0, 0, 1, 1],
    ["March 2026", 2, 0, 1, 0, 3],
    ["Total", 6, 4, 4, 4, 18],
  ],
  "licence-decisions": [
    ["Licences decided", 4, "", ""],
    ["Granted", 3, 4, "75%"],
    ["Refused", 1, 4, "25%"],
    ["Decided before the first performance", 3, 4, "75%"],
    ["Decided within 5 working days (the council's target)", 2, 4, "50%"],
    ["Median days to a decision", 8.5, "", ""],
  ],
  "late-applications": [
    ["Performance licences", 6, 1, "17%"],
    ["Employment permits", 4, 2, "50%"],
    ["Body of persons approvals (BOPA)", 4, 1, "25%"],
  ],
  "school-objections": [
    ["Performance licences", 3, 1, 1, 0, 1],
    ["Employment permits (concerns raised)", 1, 1, 0, 0, 0],
  ],
  "objection-grounds": [
    ["Education", 2, 0],
    ["Health", 1, 0],
    ["Welfare", 1, 1],
  ],
  refusals: [
    ["Performance licences", 4, 1, 8.5],
    ["Employment permits", 4, 1, 5.5],
    ["Body of persons approvals (BOPA)", 3, 1, 7],
    ["Chaperone approvals", 3, 1, 14],
  ],
  "refusal-reasons": [
    ["Performance licences", 'No tutor named, and the school says "education will suffer"', 1],
    ["Employment permits", "The hours break the byelaws on school days", 1],
    ["Body of persons approvals (BOPA)", "No child protection policy review in the last 12 months", 1],
    ["Chaperone approvals", "- References were not satisfactory\n- No training record", 1],
  ],
  exemptions: [
    ["Four-day rule", 1, 1],
    ["Body of persons approval (BOPA)", 0, 1],
    ["Performance arranged by the child's school", 1, 0],
    ["Total", 2, 2],
  ],
  bopa: [
    ["Applications received", 4],
    ["Granted", 2],
    ["Refused", 1],
    ["Approvals in force on 31 March 2026", 2],
  ],
  chaperones: [
    ["New approvals", 1],
    ["Renewals", 1],
    ["Approvals varied (re-issued with changes)", 1],
    ["Approvals ending in the period", 2],
    ["Approvals suspended", 1],
  ],
  "permits-by-occupation": [
    ["Delivering newspapers or leaflets", 2],
    ["Shop work, including stacking shelves", 1],
    ["Total", 3],
  ],
  "permits-by-age": [
    ["13", 1],
    ["14", 1],
    ["15", 1],
    ["Total", 3],
  ],
  "lado-referrals": [
    ["Referrals received", 3, "", "", ""],
    ["Referred within 1 working day", 2, 3, "67%", ""],
    ["Resolved within 1 month", 1, 3, "33%", "80%"],
    ["Resolved within 3 months", 2, 3, "67%", "90%"],
  ],
};

describe("the annual report", () => {
  it("gives Northmere's exact figures for 2025/26", async () => {
    const w = await reportWorld(db());
    const report = await getAnnualReport(db(), w.officer, FY, { now: NOW });
    expect(report.authority).toEqual({ id: w.nmc.id, code: "NMC", name: "Northmere Council" });
    expect(report.period).toEqual(FY);
    expect(report.licenceDecisions).toEqual({
      decided: 4,
      granted: 3,
      refused: 1,
      medianDays: 8.5,
      beforeFirstPerformance: { met: 3, count: 4, share: 0.75 },
      withinTarget: { met: 2, count: 4, share: 0.5 },
      targetWorkingDays: 5,
    });
    expect(report.late).toEqual({
      "performance-licence": { met: 1, count: 6, share: 1 / 6 },
      "employment-permit": { met: 2, count: 4, share: 0.5 },
      bopa: { met: 1, count: 4, share: 0.25 },
    });
    expect(report.objections["performance-licence"]).toEqual({ objections: 3, granted: 1, refused: 1, withdrawn: 0, open: 1, grounds: { education: 2, health: 1, welfare: 1 } });
    expect(report.bopa).toEqual({ received: 4, granted: 2, refused: 1, inForceAtEnd: 2 });
    expect(report.chaperones).toEqual({ approved: 1, renewed: 1, varied: 1, ending: 2, suspended: 1 });
    expect(report.lado).toEqual({
      received: 3,
      referredWithinOneWorkingDay: { count: 3, met: 2, share: 2 / 3 },
      resolvedWithinOneMonth: { count: 3, met: 1, share: 1 / 3 },
      resolvedWithinThreeMonths: { count: 3, met: 2, share: 2 / 3 },
    });
    const tables = Object.fromEntries(reportTables(report).map((t) => [t.id, t.rows]));
    expect(tables).toEqual(EXPECTED_TABLES);
    // Nothing about any child, and nothing of Eastbrook's
    const text = JSON.stringify(report);
    expect(text).not.toContain("Secretname");
    expect(text).not.toContain("Eastbrook reason");
    expect(text).not.toContain("Condition broken");
  });

  it("is the same for the council's admin; a LADO, a parent or another council's officer gets none of it", async () => {
    const w = await reportWorld(db());
    const asAdmin = await getAnnualReport(db(), w.admin, FY, { now: NOW });
    expect(reportTables(asAdmin)).toEqual(reportTables(await getAnnualReport(db(), w.officer, FY, { now: NOW })));
    await expect(getAnnualReport(db(), w.lado, FY, { now: NOW })).rejects.toThrow("You do not have permission");
    await expect(getAnnualReport(db(), w.parent, FY, { now: NOW })).rejects.toThrow("You do not have permission");
    await expect(getAnnualReport(db(), w.otherOfficer, { ...FY, authorityId: w.nmc.id }, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    const own = await getAnnualReport(db(), w.otherOfficer, FY, { now: NOW });
    expect(own.authority.name).toBe("Eastbrook City Council");
    expect(own.refusals).toEqual([{ kind: "performance-licence", reason: "Eastbrook reason", count: 1 }]);
    expect(own.licenceDecisions).toMatchObject({ decided: 1, refused: 1, medianDays: 7, targetWorkingDays: 10 });
  });

  it("lets someone in two councils choose between them, their first by default", async () => {
    const w = await reportWorld(db());
    const first = await getAnnualReport(db(), w.both, FY, { now: NOW });
    expect(first.authority.name).toBe("Northmere Council");
    expect(first.choices.map((c) => c.name)).toEqual(["Eastbrook City Council", "Northmere Council"]);
    const other = await getAnnualReport(db(), w.both, { ...FY, authorityId: w.ebc.id }, { now: NOW });
    expect(other.authority.name).toBe("Eastbrook City Council");
    await expect(getAnnualReport(db(), w.both, { ...FY, authorityId: "not-a-council" }, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("counts only what falls in a shorter period", async () => {
    const w = await reportWorld(db());
    const june = await getAnnualReport(db(), w.officer, { from: "2025-06-01", to: "2025-06-30" }, { now: NOW });
    expect(june.received.months).toEqual(["2025-06"]);
    expect(june.received.totals).toEqual({ "performance-licence": 2, "employment-permit": 0, bopa: 0, chaperone: 1 });
    expect(june.licenceDecisions).toMatchObject({ decided: 2, granted: 2, medianDays: 7.5 });
    expect(june.refusals).toEqual([{ kind: "chaperone", reason: "- References were not satisfactory\n- No training record", count: 1 }]);
    expect(june.bopa.inForceAtEnd).toBe(3); // B1, B5 (30 June 2025 was its last day) and B6 (revoked only in 2026)
  });
});

describe("the public service performance page", () => {
  const PUBLIC = [
    {
      name: "Eastbrook City Council",
      kinds: [
        { kind: "performance-licence", decided: 1, medianDays: 4, beforeFirstPerformance: { met: 0, count: 1, share: 0 } },
        { kind: "employment-permit", decided: 0, medianDays: null, beforeFirstPerformance: null },
        { kind: "bopa", decided: 0, medianDays: null, beforeFirstPerformance: null },
        { kind: "chaperone", decided: 0, medianDays: null, beforeFirstPerformance: null },
      ],
    },
    {
      name: "Northmere Council",
      kinds: [
        { kind: "performance-licence", decided: 2, medianDays: 7.5, beforeFirstPerformance: { met: 2, count: 2, share: 1 } },
        { kind: "employment-permit", decided: 1, medianDays: 4, beforeFirstPerformance: null },
        { kind: "bopa", decided: 0, medianDays: null, beforeFirstPerformance: null },
        { kind: "chaperone", decided: 1, medianDays: 9, beforeFirstPerformance: null },
      ],
    },
  ];

  it("gives every council's figures for the 12 months to today, and nothing else", async () => {
    await reportWorld(db());
    const page = await getServicePerformance(db(), actorFor(null), {}, { now: NOW });
    expect(page).toEqual({ period: { from: "2025-12-08", to: "2026-12-07" }, councils: PUBLIC });
  });

  afterEach(() => vi.useRealTimers());

  it("is public, and its page shows counts only", async () => {
    await reportWorld(db());
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
    const response = await run(publicLoader({ request: new Request("http://localhost/service-performance"), context, params: {} }));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.period).toEqual({ from: "2025-12-08", to: "2026-12-07" });
    expect(data.councils.map((c: { name: string; table: { rows: unknown[] } }) => [c.name, c.table.rows])).toEqual([
      [
        "Eastbrook City Council",
        [
          ["Performance licences", 1, 4, "0% (0 of 1)"],
          ["Employment permits", 0, "–", "Not applicable"],
          ["Body of persons approvals (BOPA)", 0, "–", "Not applicable"],
          ["Chaperone approvals", 0, "–", "Not applicable"],
        ],
      ],
      [
        "Northmere Council",
        [
          ["Performance licences", 2, 7.5, "100% (2 of 2)"],
          ["Employment permits", 1, 4, "Not applicable"],
          ["Body of persons approvals (BOPA)", 0, "–", "Not applicable"],
          ["Chaperone approvals", 1, 9, "Not applicable"],
        ],
      ],
    ]);
    const text = JSON.stringify(data);
    for (const secret of ["Secretname", "reason", "Reason", "NMC-", "Footlights", "Priya", "@"]) expect(text).not.toContain(secret);
  });
});

describe("the report page and its CSV downloads", () => {
  afterEach(() => vi.useRealTimers());

  const get = (path: string, cookie?: string) => new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
  const page = (query: string, cookie?: string) => run(reportLoader({ request: get(`/reports${query}`, cookie), context, params: {} }));
  const csv = (table: string, query: string, cookie?: string) => run(csvLoader({ request: get(`/reports/csv/${table}${query}`, cookie), context, params: { table } }));
  /** The body as sent, byte order mark included (Response.text() drops it). */
  const textWithBom = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString("utf8");
  const fixedClock = () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  };

  it("opens on the last complete financial year, with every table", async () => {
    const w = await reportWorld(db());
    fixedClock();
    const officer = await signedIn(w.officerUser);
    const response = await page("", officer);
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.error).toBe(false);
    expect(data.input).toEqual({ fromDay: "1", fromMonth: "4", fromYear: "2025", toDay: "31", toMonth: "3", toYear: "2026" });
    expect(data.report.period).toEqual(FY);
    expect(Object.fromEntries(data.tables.map((t: { id: string; rows: unknown[] }) => [t.id, t.rows]))).toEqual(EXPECTED_TABLES);

    const admin = await run(reportLoader({ request: get("/reports", await signedIn(w.adminUser)), context, params: {} }));
    expect(admin.status).toBe(200);
  });

  it("takes a typed period and answers bad dates with GOV.UK errors, keeping what was typed", async () => {
    const w = await reportWorld(db());
    fixedClock();
    const officer = await signedIn(w.officerUser);
    const june = await (await page("?fromDay=1&fromMonth=6&fromYear=2025&toDay=30&toMonth=6&toYear=2025", officer)).json();
    expect(june.report.period).toEqual({ from: "2025-06-01", to: "2025-06-30" });

    const notReal = await page("?fromDay=31&fromMonth=2&fromYear=2026&toDay=&toMonth=3&toYear=2026", officer);
    expect(notReal.status).toBe(400);
    const notRealData = await notReal.json();
    expect(notRealData).toMatchObject({
      error: true,
      report: null,
      errors: { fromDay: "The start date must be a real date", toDay: "The end date must include a day" },
      input: { fromDay: "31", fromMonth: "2", fromYear: "2026", toDay: "", toMonth: "3", toYear: "2026" },
      authority: { name: "Northmere Council" },
    });

    const backwards = await page("?fromDay=1&fromMonth=4&fromYear=2026&toDay=31&toMonth=3&toYear=2026", officer);
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).errors).toEqual({ toDay: "The end date must be the same as or after the start date" });

    const junk = await page(`?fromDay=${"9".repeat(500)}&fromMonth=%00&fromYear=<script>&toYear=2026`, officer);
    expect(junk.status).toBe(400);
    const junkData = await junk.json();
    expect(junkData.errors).toEqual({ fromDay: "The start date must be a real date", toDay: "The end date must include a day and month" });
    expect(junkData.input.fromDay).toHaveLength(20);
  });

  it("is for officers and admins of the council only", async () => {
    const w = await reportWorld(db());
    fixedClock();
    expect((await page("")).status).toBe(302);
    expect((await page("", await signedIn(w.parentUser))).status).toBe(403);
    expect((await page("", await signedIn(w.ladoUser))).status).toBe(403);
    const other = await signedIn(w.otherOfficerUser);
    expect((await page(`?authority=${w.nmc.id}`, other)).status).toBe(404);
    expect((await page(`?authority=${w.nmc.id}&fromDay=x`, other)).status).toBe(404);
    const own = await (await page("", other)).json();
    expect(own.authority.name).toBe("Eastbrook City Council");
    expect(JSON.stringify(own)).not.toContain("Northmere");
    const both = await signedIn(w.bothUser);
    const chosen = await (await page(`?authority=${w.ebc.id}`, both)).json();
    expect(chosen.report.authority.name).toBe("Eastbrook City Council");
    expect(chosen.choices.map((c: { name: string }) => c.name)).toEqual(["Eastbrook City Council", "Northmere Council"]);
  });

  it("downloads a table as CSV, escaped and guarded against formulas", async () => {
    const w = await reportWorld(db());
    fixedClock();
    const officer = await signedIn(w.officerUser);
    const decisions = await csv("licence-decisions", "?from=2025-04-01&to=2026-03-31", officer);
    expect(decisions.status).toBe(200);
    expect(decisions.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(decisions.headers.get("Content-Disposition")).toBe('attachment; filename="NMC-licence-decisions-2025-04-01-to-2026-03-31.csv"');
    expect(await textWithBom(decisions)).toBe(
      "\uFEFFFigure,Number,Out of,Share\r\n" +
        "Licences decided,4,,\r\n" +
        "Granted,3,4,75%\r\n" +
        "Refused,1,4,25%\r\n" +
        "Decided before the first performance,3,4,75%\r\n" +
        "Decided within 5 working days (the council's target),2,4,50%\r\n" +
        "Median days to a decision,8.5,,\r\n",
    );
    const reasons = await csv("refusal-reasons", "", officer);
    expect(reasons.headers.get("Content-Disposition")).toBe('attachment; filename="NMC-refusal-reasons-2025-04-01-to-2026-03-31.csv"');
    expect(await textWithBom(reasons)).toBe(
      "\uFEFFKind,Reason,Refusals\r\n" +
        'Performance licences,"No tutor named, and the school says ""education will suffer""",1\r\n' +
        "Employment permits,The hours break the byelaws on school days,1\r\n" +
        "Body of persons approvals (BOPA),No child protection policy review in the last 12 months,1\r\n" +
        "Chaperone approvals,\"'- References were not satisfactory\n- No training record\",1\r\n",
    );
    const received = await textWithBom(await csv("applications-received", "?from=2026-03-01&to=2026-03-31", officer));
    expect(received).toBe(
      "\uFEFFMonth,Performance licences,Employment permits,Body of persons approvals (BOPA),Chaperone approvals,Total\r\n" +
        "March 2026,2,0,1,0,3\r\n" +
        "Total,2,0,1,0,3\r\n",
    );
  });

  it("checks the CSV's table, period and council like the page", async () => {
    const w = await reportWorld(db());
    fixedClock();
    const officer = await signedIn(w.officerUser);
    expect((await csv("bopa", "")).status).toBe(302);
    expect((await csv("bopa", "", await signedIn(w.parentUser))).status).toBe(403);
    expect((await csv("passwords", "", officer)).status).toBe(404);
    expect((await csv("bopa", "?from=2026-04-01&to=2026-03-31", officer)).status).toBe(400);
    expect((await csv("bopa", "?from=2026-02-30&to=2026-03-31", officer)).status).toBe(400);
    expect((await csv("bopa", "?from=2026-03-01", officer)).status).toBe(400);
    const other = await signedIn(w.otherOfficerUser);
    expect((await csv("bopa", `?from=2025-04-01&to=2026-03-31&authority=${w.nmc.id}`, other)).status).toBe(404);
    const own = await csv("bopa", "?from=2025-04-01&to=2026-03-31", other);
    expect(own.headers.get("Content-Disposition")).toBe('attachment; filename="EBC-bopa-2025-04-01-to-2026-03-31.csv"');
  });
});
