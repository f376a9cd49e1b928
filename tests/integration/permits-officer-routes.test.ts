import { describe, expect, it } from "vitest";
import { grantEmploymentPermit } from "~/domain/employment-officer.server";
import { action as endAction, loader as endLoader } from "~/routes/employer.permits.$permitId.end";
import { action as permitAction, loader as permitLoader } from "~/routes/officer.permits.$permitId";
import { loader as queueLoader } from "~/routes/officer.permits._index";
import { auditFor } from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, run, signedIn, TOKEN } from "../setup/routes";
import { BASE, NOW, permitRow, permitWorld } from "./permits-officer-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext(BASE);

const get = async (url: string, user: { id: string }) => new Request(url, { headers: { Cookie: await signedIn(user) } });
const post = async (url: string, user: { id: string }, fields: Record<string, string>, csrf = TOKEN) => {
  const body = new URLSearchParams({ csrf, ...fields });
  return new Request(url, { method: "POST", body, headers: { Cookie: await signedIn(user), "Content-Type": "application/x-www-form-urlencoded" } });
};

describe("the officer's permit queue page", () => {
  it("shows the view named in the address (waiting by default) to this council's officers only", async () => {
    const w = await permitWorld(db());
    const waiting = await w.permit({ late: true });
    const granted = await w.permit({ status: "granted" });
    const queue = async (query: string, user = w.officerUser) => run(queueLoader({ request: await get(`${BASE}/officer/permits${query}`, user), context, params: {} }));

    const first = await (await queue("")).json();
    expect(first.view).toBe("waiting");
    expect(first.rows.map((r: { id: string; late: boolean }) => [r.id, r.late])).toEqual([[waiting.id, true]]);
    expect(first.counts).toEqual({ waiting: 1, granted: 1, decided: 0 });
    expect((await (await queue("?show=granted")).json()).rows.map((r: { id: string }) => r.id)).toEqual([granted.id]);
    expect((await (await queue("?show=nonsense")).json()).view).toBe("waiting");
    expect((await (await queue("", w.eastOfficerUser)).json()).rows).toEqual([]);
    expect((await queue("", w.employerUser)).status).toBe(403);
    expect((await queue("", w.parentUser)).status).toBe(403);
  });
});

describe("the officer's permit page", () => {
  it("opens for this council's officer only, and grants from the form", async () => {
    const w = await permitWorld(db());
    const p = await w.permit();
    const url = `${BASE}/officer/permits/${p.id}`;
    const params = { permitId: p.id };
    expect((await run(permitLoader({ request: await get(url, w.eastOfficerUser), context, params }))).status).toBe(404);
    expect((await run(permitLoader({ request: await get(`${BASE}/officer/permits/nope`, w.officerUser), context, params: { permitId: "nope" } }))).status).toBe(404);
    const page = await run(permitLoader({ request: await get(url, w.officerUser), context, params }));
    expect(page.status).toBe(200);
    expect((await page.json()).permit).toMatchObject({ reference: p.reference, child: { name: "Noah Example" }, checks: { problems: [] } });

    expect((await run(permitAction({ request: await post(url, w.eastOfficerUser, { intent: "grant" }), context, params }))).status).toBe(404);
    expect((await run(permitAction({ request: await post(url, w.officerUser, { intent: "grant" }, "wrong".repeat(9)), context, params }))).status).toBe(403);
    const tooLong = await run(permitAction({ request: await post(url, w.officerUser, { intent: "grant", customConditions: "x".repeat(501) }), context, params }));
    expect(tooLong.status).toBe(400);
    const reply = await tooLong.json();
    expect(reply.error).toEqual({ customConditions: ["Each condition must be 500 characters or fewer"] });
    expect(reply.initialValue).toMatchObject({ intent: "grant", customConditions: "x".repeat(501) });

    const granted = await run(permitAction({ request: await post(url, w.officerUser, { intent: "grant", customConditions: "Only on weekdays" }), context, params }));
    expect(granted.headers.get("Location")).toBe(`/officer/permits/${p.id}?done=granted`);
    expect((await permitRow(db(), p.id)).status).toBe("granted");
    const after = await (await run(permitLoader({ request: await get(`${url}?done=granted`, w.officerUser), context, params }))).json();
    expect(after.done).toBe("granted");
    expect(after.permit.decision.permit).toMatchObject({ statusLabel: expect.stringMatching(/^Valid/) });
    expect(after.permit.events.map((e: { action: string }) => e.action)).toEqual(["employment-permit.granted"]);
  });

  it("shows a rule failure in the form instead of granting, and needs reasons to refuse or revoke", async () => {
    const w = await permitWorld(db());
    const kitchen = await w.permit({ occupation: "commercial-kitchen" });
    const url = `${BASE}/officer/permits/${kitchen.id}`;
    const params = { permitId: kitchen.id };
    const page = await (await run(permitLoader({ request: await get(url, w.officerUser), context, params }))).json();
    expect(page.permit.checks.problems).toEqual(["Term time: No child may be employed in this work (commercial kitchen), at any age (EMPLOY-PROHIBITED)"]);
    const refusedGrant = await run(permitAction({ request: await post(url, w.officerUser, { intent: "grant" }), context, params }));
    expect(refusedGrant.status).toBe(400);
    expect((await refusedGrant.json()).error).toEqual({ "": [page.permit.checks.problems[0]] });

    const empty = await run(permitAction({ request: await post(url, w.officerUser, { intent: "refuse", reasons: "  " }), context, params }));
    expect((await empty.json()).error).toEqual({ reasons: ["Enter the reasons for refusing, which are sent to the employer and the parent"] });
    const refused = await run(permitAction({ request: await post(url, w.officerUser, { intent: "refuse", reasons: "Kitchens are prohibited." }), context, params }));
    expect(refused.headers.get("Location")).toBe(`/officer/permits/${kitchen.id}?done=refused`);

    const p = await w.permit();
    await grantEmploymentPermit(db(), w.officerN, p.id, {}, BASE, NOW);
    const revokeUrl = `${BASE}/officer/permits/${p.id}`;
    const noReasons = await run(permitAction({ request: await post(revokeUrl, w.officerUser, { intent: "revoke" }), context, params: { permitId: p.id } }));
    expect((await noReasons.json()).error).toEqual({ reasons: ["Enter the reasons for revoking, which are sent to the employer and the parent"] });
    const revoked = await run(permitAction({ request: await post(revokeUrl, w.officerUser, { intent: "revoke", reasons: "Attendance fell." }), context, params: { permitId: p.id } }));
    expect(revoked.headers.get("Location")).toBe(`/officer/permits/${p.id}?done=revoked`);
    expect((await auditFor(db(), "employment-permit", p.id)).map((e) => e.action)).toEqual(["employment-permit.granted", "employment-permit.revoked"]);
    expect((await run(permitAction({ request: await post(revokeUrl, w.officerUser, { intent: "nonsense" }), context, params: { permitId: p.id } }))).status).toBe(400);
  });
});

describe("the employer's page to report a job has ended", () => {
  it("takes the last day as a GOV.UK date, keeps what was typed on an error, and is not found for another employer", async () => {
    const w = await permitWorld(db());
    const p = await w.permit();
    await grantEmploymentPermit(db(), w.officerN, p.id, {}, BASE, NOW);
    const url = `${BASE}/employer/permits/${p.id}/end`;
    const params = { permitId: p.id };
    expect((await run(endLoader({ request: await get(url, w.rivalUser), context, params }))).status).toBe(404);
    expect((await run(endLoader({ request: await get(url, w.parentUser), context, params }))).status).toBe(403);
    expect((await (await run(endLoader({ request: await get(url, w.employerUser), context, params }))).json()).permit).toMatchObject({ canEnd: true, childName: "Noah Example" });

    const missing = await run(endAction({ request: await post(url, w.employerUser, { endedOnDay: "", endedOnMonth: "3", endedOnYear: "", reason: "Exams" }), context, params }));
    expect(missing.status).toBe(400);
    const reply = await missing.json();
    expect(reply.error).toEqual({ endedOnDay: ["The date the job ended must include a day and year"] });
    expect(reply.initialValue).toMatchObject({ endedOnMonth: "3", reason: "Exams" });
    const future = await run(endAction({ request: await post(url, w.employerUser, { endedOnDay: "1", endedOnMonth: "1", endedOnYear: "2999" }), context, params }));
    expect((await future.json()).error).toEqual({ endedOnDay: ["The date the job ended must be today or in the past"] });
    expect((await run(endAction({ request: await post(url, w.rivalUser, { endedOnDay: "1", endedOnMonth: "12", endedOnYear: "2026" }), context, params }))).status).toBe(404);

    const ended = await run(endAction({ request: await post(url, w.employerUser, { endedOnDay: "1", endedOnMonth: "12", endedOnYear: "2026", reason: "Exams" }), context, params }));
    expect(ended.headers.get("Location")).toBe(`/employer/permits/${p.id}/end?done`);
    expect(await permitRow(db(), p.id)).toMatchObject({ status: "ended", endsOn: "2026-12-01", endReason: "Exams" });
    const done = await (await run(endLoader({ request: await get(`${url}?done`, w.employerUser), context, params }))).json();
    expect(done).toMatchObject({ done: true, permit: { status: "ended", canEnd: false } });
  });
});
