import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bopaApplications } from "#db/schema/bopa";
import { authoritySettings } from "#db/schema/chaperones";
import { uploads } from "#db/schema/uploads";
import { createBopaApplication, createPdfUpload, minimalPdf } from "#db/factories-bopa";
import { submitBopaApplication } from "~/domain/bopa/submitBopaApplication";
import type { BopaAnswers } from "~/domain/bopa/checks";
import { addDays, addMonths, londonDate } from "~/domain/calendar/dates";
import { NotFoundError, } from "~/domain/errors";
import { action as applyAction } from "~/routes/producer.bopa.apply";
import { loader as viewLoader } from "~/routes/producer.bopa.$applicationId";
import { loader as fileLoader } from "~/routes/officer.bopa.$applicationId.files.$file";
import { actorFor, auditFor, createAuthority, createOrganisation, createUser, outboxFor } from "../factories";
import { useTestDatabase } from "../setup/db";
import { TOKEN, routeContext, ruleErrors, run, signedIn } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
const context = routeContext(BASE);
/** A fixed clock for the verb: Monday 23 November 2026, 10:00 in London. */
const NOW = new Date("2026-11-23T10:00:00Z");

async function world() {
  const north = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const east = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council" });
  const company = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const other = await createOrganisation(db(), { kind: "producer", name: "Other Company Ltd" });
  const user = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  const producer = actorFor(user, [{ role: "producer", organisationId: company.id }]);
  const otherUser = await createUser(db(), { name: "Olga Other", memberships: [{ role: "producer", organisationId: other.id }] });
  const officer = await createUser(db(), { name: "Olive Officer", memberships: [{ role: "officer", authorityId: north.id }] });
  const eastOfficer = await createUser(db(), { name: "Omar Officer", memberships: [{ role: "officer", authorityId: east.id }] });
  return { north, east, company, other, user, producer, otherUser, officer, eastOfficer };
}

type World = Awaited<ReturnType<typeof world>>;

async function answers(w: World, overrides: Partial<BopaAnswers> = {}): Promise<BopaAnswers> {
  const policy = await createPdfUpload(db(), w.user.id, "bopa-child-protection-policy", "policy.pdf");
  const risk = await createPdfUpload(db(), w.user.id, "bopa-risk-assessment", "risk.pdf");
  return {
    organisationId: w.company.id,
    hostAuthorityId: w.north.id,
    performances: "Summer season of Oliver!",
    periodFrom: "2027-01-10",
    periodTo: "2027-06-30",
    venues: "Northmere Playhouse",
    childrenCount: 24,
    youngestAge: 8,
    oldestAge: 14,
    safeguardingLeadName: "Sam Safeguard",
    safeguardingLeadEmail: "sam@example.com",
    safeguardingLeadPhone: "01632 960 001",
    policyUploadId: policy.id,
    riskAssessmentUploadId: risk.id,
    chaperoneArrangements: "Two approved chaperones",
    noPaymentConfirmed: true,
    ...overrides,
  };
}

describe("submitBopaApplication", () => {
  it("numbers the application for the host authority, flags it late under 21 days, audits it and emails the producer", async () => {
    const w = await world();
    const late = await submitBopaApplication(db(), w.producer, await answers(w, { periodFrom: "2026-12-13", periodTo: "2027-03-01" }), BASE, NOW);
    expect(late).toMatchObject({ reference: "NMC-BP-2026-000001", late: true });
    const onTime = await submitBopaApplication(db(), w.producer, await answers(w, { periodFrom: "2026-12-14", periodTo: "2027-03-01" }), BASE, NOW);
    expect(onTime).toMatchObject({ reference: "NMC-BP-2026-000002", late: false });

    const [row] = await db().select().from(bopaApplications).where(eq(bopaApplications.id, late.id));
    expect(row).toMatchObject({
      status: "submitted",
      organisationId: w.company.id,
      hostAuthorityId: w.north.id,
      late: true,
      noPaymentConfirmed: true,
      childrenCount: 24,
      submittedByUserId: w.user.id,
      submittedAt: NOW,
    });
    const [event] = await auditFor(db(), "bopa-application", late.id);
    expect(event).toMatchObject({ action: "bopa.submitted", actorUserId: w.user.id, after: { reference: "NMC-BP-2026-000001", late: true, host: "Northmere Council" } });
    const mail = await outboxFor(db(), w.user.email);
    expect(mail.map((m) => m.template)).toEqual(["bopa-submitted", "bopa-submitted"]);
    expect(mail[0].props).toMatchObject({ reference: "NMC-BP-2026-000001", late: true, authorityName: "Northmere Council", url: `${BASE}/producer/bopa/${late.id}` });
  });

  it("checks the period against the host authority's months, the ages, the payment confirmation and the uploads", async () => {
    const w = await world();
    await db().insert(authoritySettings).values({ authorityId: w.north.id, bopaMaxMonths: 6 });
    expect(await ruleErrors(submitBopaApplication(db(), w.producer, await answers(w, { periodTo: "2027-07-10" }), BASE, NOW))).toEqual({
      periodToDay: ["The approval can cover up to 6 months"],
    });
    // Eastbrook keeps the default of 12 months
    await submitBopaApplication(db(), w.producer, await answers(w, { hostAuthorityId: w.east.id, periodTo: "2027-12-20" }), BASE, NOW);
    expect(await ruleErrors(submitBopaApplication(db(), w.producer, await answers(w, { youngestAge: 10, oldestAge: 9 }), BASE, NOW))).toEqual({
      oldestAge: ["The age of the oldest child must be the same as or more than the age of the youngest child"],
    });
    expect(await ruleErrors(submitBopaApplication(db(), w.producer, await answers(w, { noPaymentConfirmed: false }), BASE, NOW))).toEqual({
      noPaymentConfirmed: ["Confirm that no child, or anyone for a child, will be paid beyond expenses"],
    });
    expect(await ruleErrors(submitBopaApplication(db(), w.producer, await answers(w, { periodFrom: "2026-11-22", periodTo: "2027-01-30" }), BASE, NOW))).toEqual({
      periodFromDay: ["The start of the period must be today or in the future"],
    });
    // someone else's upload, or one stored for another purpose, is no upload
    const theirs = await createPdfUpload(db(), w.otherUser.id, "bopa-child-protection-policy");
    const wrongPurpose = await createPdfUpload(db(), w.user.id, "chaperone-identity");
    expect(
      await ruleErrors(submitBopaApplication(db(), w.producer, await answers(w, { policyUploadId: theirs.id, riskAssessmentUploadId: wrongPurpose.id }), BASE, NOW)),
    ).toEqual({ policy: ["Upload your child protection policy"], riskAssessment: ["Upload your risk assessment"] });
    expect(await ruleErrors(submitBopaApplication(db(), w.producer, await answers(w, { hostAuthorityId: "nope" }), BASE, NOW))).toEqual({
      hostAuthorityId: ["Select the council where the performances take place"],
    });
    // only for one's own organisation
    await expect(submitBopaApplication(db(), w.producer, await answers(w, { organisationId: w.other.id }), BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect((await db().select().from(bopaApplications)).map((r) => r.hostAuthorityId)).toEqual([w.east.id]);
  });
});

const parts = (prefix: string, iso: string) => {
  const [y, m, d] = iso.split("-");
  return { [`${prefix}Day`]: String(Number(d)), [`${prefix}Month`]: String(Number(m)), [`${prefix}Year`]: y };
};

function formFields(w: World, from: string, to: string): Record<string, string> {
  return {
    organisationId: w.company.id,
    hostAuthorityId: w.north.id,
    performances: "Summer season of Oliver!",
    ...parts("periodFrom", from),
    ...parts("periodTo", to),
    venues: "Northmere Playhouse",
    childrenCount: "24",
    youngestAge: "8",
    oldestAge: "14",
    safeguardingLeadName: "Sam Safeguard",
    safeguardingLeadEmail: "sam@example.com",
    safeguardingLeadPhone: "01632 960 001",
    chaperoneArrangements: "Two approved chaperones",
    noPaymentConfirmed: "yes",
  };
}

function post(cookie: string, fields: Record<string, string | undefined>, files: Record<string, { bytes: Buffer; name: string }> = {}) {
  const form = new FormData();
  form.set("csrf", TOKEN);
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.set(k, v);
  for (const name of ["policy", "riskAssessment"]) {
    const file = files[name];
    form.set(name, file ? new File([new Uint8Array(file.bytes)], file.name) : new File([], ""));
  }
  return new Request("http://localhost/producer/bopa/apply", { method: "POST", body: form, headers: { Cookie: cookie } });
}

type Reply = { status: string; error?: Record<string, string[]>; initialValue?: Record<string, unknown>; kept: Record<string, { id: string; filename: string }> };

describe("the apply page", () => {
  it("shows each problem as a GOV.UK error, keeps stored uploads across errors, then sends the application", async () => {
    const w = await world();
    const cookie = await signedIn(w.user);
    const today = londonDate();
    const from = addDays(today, 60);

    // Nothing uploaded, payment not confirmed, ages the wrong way round, a period of 13 months.
    const first = await run(
      applyAction({ request: post(cookie, { ...formFields(w, from, addMonths(from, 13)), youngestAge: "15", oldestAge: "3", noPaymentConfirmed: undefined }), context, params: {} }),
    );
    expect(first.status).toBe(400);
    const firstReply = (await first.json()) as Reply;
    expect(firstReply.error).toMatchObject({
      oldestAge: ["The age of the oldest child must be between 4 and 16"],
      policy: ["Upload your child protection policy"],
      riskAssessment: ["Upload your risk assessment"],
      noPaymentConfirmed: ["Confirm that no child, or anyone for a child, will be paid beyond expenses"],
    });
    expect(firstReply.initialValue).toMatchObject({ performances: "Summer season of Oliver!", youngestAge: "15" });

    // Both files uploaded, one of them not a PDF; the period is still too long (the host's 12 months, found on the server).
    const second = await run(
      applyAction({
        request: post(cookie, formFields(w, from, addMonths(from, 13)), {
          policy: { bytes: minimalPdf(), name: "Our policy.pdf" },
          riskAssessment: { bytes: Buffer.from(`MZ${"\0".repeat(100)}`), name: "risk.pdf" },
        }),
        context,
        params: {},
      }),
    );
    const secondReply = (await second.json()) as Reply;
    expect(secondReply.error).toEqual({ riskAssessment: ["The selected file must be a JPG, PNG or PDF"] });
    expect(secondReply.kept.policy.filename).toBe("Our policy.pdf");
    expect(secondReply.kept.riskAssessment).toBeUndefined();

    // The kept policy comes back as a hidden id; the period is now the only problem, and both files are kept.
    const third = await run(
      applyAction({
        request: post(cookie, { ...formFields(w, from, addMonths(from, 13)), policyUploadId: secondReply.kept.policy.id }, { riskAssessment: { bytes: minimalPdf(), name: "risk.pdf" } }),
        context,
        params: {},
      }),
    );
    const thirdReply = (await third.json()) as Reply;
    expect(thirdReply.error).toEqual({ periodToDay: ["The approval can cover up to 12 months"] });
    expect(Object.keys(thirdReply.kept).sort()).toEqual(["policy", "riskAssessment"]);

    // Someone else's upload id is ignored.
    const theirs = await createPdfUpload(db(), w.otherUser.id, "bopa-risk-assessment");
    const fourth = await run(
      applyAction({
        request: post(cookie, { ...formFields(w, from, addDays(from, 30)), policyUploadId: secondReply.kept.policy.id, riskAssessmentUploadId: theirs.id }),
        context,
        params: {},
      }),
    );
    expect(((await fourth.json()) as Reply).error).toEqual({ riskAssessment: ["Upload your risk assessment"] });

    const sent = await run(
      applyAction({
        request: post(cookie, {
          ...formFields(w, from, addDays(from, 30)),
          policyUploadId: thirdReply.kept.policy.id,
          riskAssessmentUploadId: thirdReply.kept.riskAssessment.id,
        }),
        context,
        params: {},
      }),
    );
    expect(sent.status).toBe(302);
    const [row] = await db().select().from(bopaApplications);
    expect(sent.headers.get("Location")).toBe(`/producer/bopa/${row.id}/confirmation`);
    expect(row).toMatchObject({ periodFrom: from, periodTo: addDays(from, 30), late: false, policyUploadId: thirdReply.kept.policy.id });
    expect(row.reference).toMatch(new RegExp(`^NMC-BP-${today.slice(0, 4)}-000001$`));

    // The officer of the host authority downloads the policy; Eastbrook's officer gets not found.
    const officerCookie = await signedIn(w.officer);
    const file = await run(
      fileLoader({
        request: new Request(`http://localhost/officer/bopa/${row.id}/files/child-protection-policy`, { headers: { Cookie: officerCookie } }),
        context,
        params: { applicationId: row.id, file: "child-protection-policy" },
      }),
    );
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toBe('attachment; filename="Our policy.pdf"');
    expect(file.headers.get("Cache-Control")).toBe("private, no-store");
    const [stored] = await db().select().from(uploads).where(eq(uploads.id, row.policyUploadId));
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(stored.bytes))).toBe(true);
    const eastCookie = await signedIn(w.eastOfficer);
    const denied = await run(
      fileLoader({
        request: new Request(`http://localhost/officer/bopa/${row.id}/files/child-protection-policy`, { headers: { Cookie: eastCookie } }),
        context,
        params: { applicationId: row.id, file: "child-protection-policy" },
      }),
    );
    expect(denied.status).toBe(404);
  });

  it("a producer of another organisation gets not found for the application page", async () => {
    const w = await world();
    const application = await createBopaApplication(db(), { organisationId: w.company.id, hostAuthorityId: w.north.id, submittedByUserId: w.user.id });
    const request = (cookie: string) => new Request(`http://localhost/producer/bopa/${application.id}`, { headers: { Cookie: cookie } });
    const own = await run(viewLoader({ request: request(await signedIn(w.user)), context, params: { applicationId: application.id } }));
    expect(own.status).toBe(200);
    const other = await run(viewLoader({ request: request(await signedIn(w.otherUser)), context, params: { applicationId: application.id } }));
    expect(other.status).toBe(404);
  });
});
