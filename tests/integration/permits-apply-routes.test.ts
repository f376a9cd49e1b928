import { describe, expect, it } from "vitest";
import { paperRound } from "#db/factories-employment";
import { invitePermitParty } from "~/domain/employment/invitePermitParty";
import { joinPermitByLink } from "~/domain/employment/joinPermitByLink";
import { saveParentPermitPart } from "~/domain/employment/saveParentPermitPart";
import { startPermitApplication } from "~/domain/employment/startPermitApplication";
import { loader as childLoader } from "~/routes/children.$childId._index";
import { action as parentCheckAction } from "~/routes/children.$childId.permits.$permitId.check";
import { loader as parentPermitLoader } from "~/routes/children.$childId.permits.$permitId._index";
import { action as parentStartAction } from "~/routes/children.$childId.permits.new";
import { loader as deskLoader } from "~/routes/employer._index";
import { action as askParentAction } from "~/routes/employer.permits.$permitId.ask-parent";
import { action as businessAction } from "~/routes/employer.permits.$permitId.business";
import { action as hoursAction, loader as hoursLoader } from "~/routes/employer.permits.$permitId.hours.$week";
import { loader as permitLoader } from "~/routes/employer.permits.$permitId._index";
import { action as submitAction, loader as submitLoader } from "~/routes/employer.permits.$permitId.submit";
import { loader as submittedLoader } from "~/routes/employer.permits.$permitId.submitted";
import { action as startAction } from "~/routes/employer.permits.new";
import { action as joinAction, loader as joinLoader } from "~/routes/permits.join.$token";
import { outboxFor, outboxUrl, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, run, signedIn, TOKEN } from "../setup/routes";
import { type ApplyWorld, applyWorld, completeEmployerPart, NOW, permitRow } from "./permits-apply-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext();
const HOST = "http://localhost";

const post = (url: string, cookie: string, fields: Record<string, string> = {}) =>
  new Request(`${HOST}${url}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ csrf: TOKEN, ...fields }),
  });
const get = (url: string, cookie = "") => new Request(`${HOST}${url}`, { headers: cookie ? { Cookie: cookie } : {} });

/** The reply's field errors (conform's submission result). */
async function fieldErrors(response: Response) {
  expect(response.status).toBe(400);
  return ((await response.json()) as { error?: Record<string, string[]> }).error ?? {};
}

async function cookies(w: ApplyWorld) {
  return { employer: await signedIn(w.employerUser), rival: await signedIn(w.rivalUser), parent: await signedIn(w.parentUser), other: await signedIn(w.otherParentUser) };
}

describe("the employer's pages", () => {
  it("starts an application from the dashboard and lists it there; the area is for employers only", async () => {
    const w = await applyWorld(db());
    const c = await cookies(w);
    const started = await run(startAction({ request: post("/employer/permits/new", c.employer), context, params: {} }));
    expect(started.status).toBe(302);
    const permitId = started.headers.get("Location")!.split("/").at(-1)!;
    expect(started.headers.get("Location")).toBe(`/employer/permits/${permitId}`);
    const desk = await (await run(deskLoader({ request: get("/employer", c.employer), context, params: {} }))).json();
    expect(desk.permits).toMatchObject([{ id: permitId, childName: null, statusLabel: "Not submitted", nextStep: "Ask the parent" }]);
    expect((await run(deskLoader({ request: get("/employer", c.parent), context, params: {} }))).status).toBe(403);
    const page = await run(permitLoader({ request: get(`/employer/permits/${permitId}`, c.employer), context, params: { permitId } }));
    expect((await page.json()).view.employer.sections.map((s: { status: string }) => s.status)).toEqual(["In progress", "Not started", "Not started", "Not started"]);
    expect((await run(permitLoader({ request: get(`/employer/permits/${permitId}`, c.rival), context, params: { permitId } }))).status).toBe(404);
  });

  it("keeps what was typed with a GOV.UK error for a postcode outside the service, then moves on to the job", async () => {
    const w = await applyWorld(db());
    const c = await cookies(w);
    const { permitId } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    const url = `/employer/permits/${permitId}/business`;
    const fields = { businessName: "Corner Newsagents", workplaceAddress: "12 High Street", workplacePostcode: "ZZ9 9ZZ" };
    const refused = await run(businessAction({ request: post(url, c.employer, fields), context, params: { permitId } }));
    const body = await refused.clone().json();
    expect(await fieldErrors(refused)).toEqual({ workplacePostcode: ["This service does not cover that postcode yet: check it, or apply to the council where the work happens"] });
    expect(body.initialValue).toMatchObject(fields);
    const saved = await run(businessAction({ request: post(url, c.employer, { ...fields, workplacePostcode: "NM2 3CD" }), context, params: { permitId } }));
    expect(saved.headers.get("Location")).toBe(`/employer/permits/${permitId}/job`);
    expect((await run(businessAction({ request: post(url, c.rival, { ...fields, workplacePostcode: "NM2 3CD" }), context, params: { permitId } }))).status).toBe(404);
  });

  it("refuses an end before a start and overlapping shifts, then saves a week and shows what breaks the rules", async () => {
    const w = await applyWorld(db());
    const c = await cookies(w);
    const { permitId } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    await completeEmployerPart(db(), w.employer, permitId);
    const url = `/employer/permits/${permitId}/hours/term`;
    const params = { permitId, week: "term" };
    const bad = { "mon-1-start": "07:00", "mon-1-end": "06:30", "tue-1-start": "07:00", "tue-1-end": "08:00", "tue-2-start": "7:30", "tue-2-end": "8:30", "wed-1-start": "7" };
    const refused = await run(hoursAction({ request: post(url, c.employer, bad), context, params }));
    expect(await fieldErrors(refused.clone())).toEqual({
      "mon-1-end": ["Monday's first shift must end after it starts"],
      "tue-2-start": ["Tuesday's shifts overlap: the second shift must start after the first one ends"],
      "wed-1-start": ["Enter when Wednesday's first shift starts as a time on the 24-hour clock, like 07:30"],
      "wed-1-end": ["Enter when Wednesday's first shift ends"],
    });
    expect((await refused.json()).initialValue).toMatchObject({ "mon-1-end": "06:30", "tue-2-start": "7:30" });
    expect((await permitRow(db(), permitId)).termPattern).toEqual(paperRound().term);

    // 16:00 to 18:30 on a school day: saved, but back to the page with the finding
    const long = await run(hoursAction({ request: post(url, c.employer, { "wed-1-start": "1600", "wed-1-end": "18.30" }), context, params }));
    expect(long.headers.get("Location")).toBe(`/employer/permits/${permitId}/hours/term?saved=1`);
    const page = await (await run(hoursLoader({ request: get(`${url}?saved=1`, c.employer), context, params }))).json();
    expect(page).toMatchObject({ saved: true, values: { "wed-1-start": "16:00", "wed-1-end": "18:30" } });
    expect(page.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-SCHOOLDAY", limit: "2 h", actual: "2 h 30 min", pattern: "term" })]);

    const fine = await run(hoursAction({ request: post(url, c.employer, { "wed-1-start": "16:00", "wed-1-end": "17:30" }), context, params }));
    expect(fine.headers.get("Location")).toBe(`/employer/permits/${permitId}/hours/holiday`);
    expect((await run(hoursLoader({ request: get(`/employer/permits/${permitId}/hours/autumn`, c.employer), context, params: { permitId, week: "autumn" } }))).status).toBe(404);
  });

  it("asks the parent by email, then checks, sends and confirms with the reference", async () => {
    const w = await applyWorld(db());
    const c = await cookies(w);
    const { permitId } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    await completeEmployerPart(db(), w.employer, permitId);
    const askUrl = `/employer/permits/${permitId}/ask-parent`;
    expect(await fieldErrors(await run(askParentAction({ request: post(askUrl, c.employer, { email: "priya" }), context, params: { permitId } })))).toEqual({
      email: ["Enter an email address in the correct format, like name@example.com"],
    });
    const asked = await run(askParentAction({ request: post(askUrl, c.employer, { email: "priya@example.com" }), context, params: { permitId } }));
    expect(asked.headers.get("Location")).toBe(`/employer/permits/${permitId}?saved=invited`);
    const token = tokenFromUrl(outboxUrl((await outboxFor(db(), "priya@example.com"))[0]));

    const submitUrl = `/employer/permits/${permitId}/submit`;
    const early = await run(submitAction({ request: post(submitUrl, c.employer), context, params: { permitId } }));
    expect(early.status).toBe(400);
    expect((await early.json()).errors).toEqual([{ href: `/employer/permits/${permitId}`, text: "The child's parent has not joined the application yet: ask them to fill in their part" }]);

    await joinPermitByLink(db(), w.parent, token, { childId: w.child.id }, NOW);
    await saveParentPermitPart(db(), w.parent, permitId, { section: "health", hasHealthConditions: false }, NOW);
    await saveParentPermitPart(db(), w.parent, permitId, { section: "consent", consentName: "Priya Parent" }, NOW);
    const confirmed = await run(parentCheckAction({ request: post(`/children/${w.child.id}/permits/${permitId}/check`, c.parent), context, params: { childId: w.child.id, permitId } }));
    expect(confirmed.headers.get("Location")).toBe(`/children/${w.child.id}/permits/${permitId}?confirmed=1`);

    const check = await (await run(submitLoader({ request: get(submitUrl, c.employer), context, params: { permitId } }))).json();
    expect(check.view).toMatchObject({ canSubmit: true, child: { name: "Noah Example" }, authorityName: "Northmere Council" });
    const sent = await run(submitAction({ request: post(submitUrl, c.employer), context, params: { permitId } }));
    expect(sent.headers.get("Location")).toBe(`/employer/permits/${permitId}/submitted`);
    const done = await (await run(submittedLoader({ request: get(`/employer/permits/${permitId}/submitted`, c.employer), context, params: { permitId } }))).json();
    expect(done).toMatchObject({ reference: expect.stringMatching(/^NMC-PE-\d{4}-000001$/), authorityName: "Northmere Council", childName: "Noah Example" });
    // once sent, the check page goes back to the permit's page
    const after = await run(submitLoader({ request: get(submitUrl, c.employer), context, params: { permitId } }));
    expect(after.headers.get("Location")).toBe(`/employer/permits/${permitId}`);
  });
});

describe("the emailed link and the parent's pages", () => {
  it("shows what the link is about to anyone, asks to sign in, and lets the parent join for their child", async () => {
    const w = await applyWorld(db());
    const c = await cookies(w);
    const { permitId } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    await invitePermitParty(db(), w.employer, permitId, { as: "employer", email: "priya@example.com" }, "http://localhost");
    const token = tokenFromUrl(outboxUrl((await outboxFor(db(), "priya@example.com"))[0]));
    const url = `/permits/join/${token}`;

    const anonymous = await run(joinLoader({ request: get(url), context, params: { token } }));
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toMatchObject({ invitation: { state: "open", invites: "parent", businessName: "Corner Newsagents Ltd" }, signedIn: false, children: [] });
    const asParent = await (await run(joinLoader({ request: get(url, c.parent), context, params: { token } }))).json();
    expect(asParent).toMatchObject({ signedIn: true, role: true, children: [{ id: w.child.id, name: "Noah Example", age: 14 }] });
    expect((await (await run(joinLoader({ request: get(url, c.employer), context, params: { token } }))).json()).role).toBe(false);

    const signIn = await run(joinAction({ request: post(url, "", { childId: w.child.id }), context, params: { token } }));
    expect(signIn.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
    expect(await fieldErrors(await run(joinAction({ request: post(url, c.other, { childId: w.child.id }), context, params: { token } })))).toEqual({
      childId: ["Select the child who will do the job"],
    });
    const joined = await run(joinAction({ request: post(url, c.parent, { childId: w.child.id }), context, params: { token } }));
    expect(joined.headers.get("Location")).toBe(`/children/${w.child.id}/permits/${permitId}?joined=1`);
    expect((await run(joinLoader({ request: get(url, c.parent), context, params: { token } }))).status).toBe(410);
    expect((await run(joinAction({ request: post(url, c.parent, { childId: w.child.id }), context, params: { token } }))).headers.get("Location")).toBe(url);

    const page = await run(parentPermitLoader({ request: get(`/children/${w.child.id}/permits/${permitId}?joined=1`, c.parent), context, params: { childId: w.child.id, permitId } }));
    expect(await page.json()).toMatchObject({ banner: "You have joined the application. Now fill in your part.", view: { as: "parent", employer: { businessName: "Corner Newsagents Ltd" } } });
    const otherChild = crypto.randomUUID();
    expect((await run(parentPermitLoader({ request: get("/", c.parent), context, params: { childId: otherChild, permitId } }))).status).toBe(404);
    expect((await run(parentPermitLoader({ request: get("/", c.other), context, params: { childId: w.child.id, permitId } }))).status).toBe(404);
  });

  it("starts a permit from the child's page, which lists it", async () => {
    const w = await applyWorld(db());
    const c = await cookies(w);
    const started = await run(parentStartAction({ request: post(`/children/${w.child.id}/permits/new`, c.parent), context, params: { childId: w.child.id } }));
    const location = started.headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^/children/${w.child.id}/permits/[0-9a-f-]{36}$`));
    expect((await run(parentStartAction({ request: post(`/children/${w.child.id}/permits/new`, c.other), context, params: { childId: w.child.id } }))).status).toBe(404);
    const page = await (await run(childLoader({ request: get(`/children/${w.child.id}`, c.parent), context, params: { childId: w.child.id } }))).json();
    expect(page.permits).toMatchObject([{ id: location.split("/").at(-1), statusLabel: "Not submitted", nextStep: "Ask the employer" }]);
  });
});
