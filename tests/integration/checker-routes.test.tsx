import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { auditEvents } from "#db/schema/audit";
import * as bopa from "~/routes/check-if-a-licence-is-needed.bopa";
import * as broadcast from "~/routes/check-if-a-licence-is-needed.broadcast";
import * as checkAnswers from "~/routes/check-if-a-licence-is-needed.check-answers";
import * as dateOfBirth from "~/routes/check-if-a-licence-is-needed.date-of-birth";
import * as earlierDates from "~/routes/check-if-a-licence-is-needed.earlier-dates";
import * as payment from "~/routes/check-if-a-licence-is-needed.payment";
import * as performanceDates from "~/routes/check-if-a-licence-is-needed.performance-dates";
import * as performedBefore from "~/routes/check-if-a-licence-is-needed.performed-before";
import * as result from "~/routes/check-if-a-licence-is-needed.result";
import * as school from "~/routes/check-if-a-licence-is-needed.school";
import * as timeOffSchool from "~/routes/check-if-a-licence-is-needed.time-off-school";
import * as where from "~/routes/check-if-a-licence-is-needed.where-does-the-child-live";
import { updateAuthoritySettings } from "~/domain/settings/updateAuthoritySettings";
import type { checkerResult } from "~/server/checker.server";
import { answerDirectly, type DirectPage } from "~/server/direct-page.server";
import { actorFor, createAuthority, createUser } from "../factories";
import { useTestDatabase } from "../setup/db";
import { TOKEN, routeContext, run, signedIn } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext();
const BASE = "http://localhost/check-if-a-licence-is-needed";

type Route = { loader: (args: LoaderFunctionArgs) => Promise<unknown>; action?: (args: ActionFunctionArgs) => Promise<unknown>; direct?: DirectPage };
const PAGES: Record<string, Route> = {
  "where-does-the-child-live": where,
  "date-of-birth": dateOfBirth,
  "performance-dates": performanceDates,
  "performed-before": performedBefore,
  "earlier-dates": earlierDates,
  payment,
  school,
  bopa,
  broadcast,
  "time-off-school": timeOffSchool,
  "check-answers": checkAnswers,
  result,
};

/** One person's browser: keeps the checker cookie between requests, as a browser would. */
function browser() {
  let cookie = "";
  const keep = (response: Response) => {
    const set = response.headers.get("Set-Cookie");
    if (set) cookie = set.split(";")[0];
    return response;
  };
  return {
    cookie: () => cookie,
    setCookie: (value: string) => {
      cookie = value;
    },
    async get(page: string, query = "") {
      const request = new Request(`${BASE}/${page}${query}`, { headers: { Cookie: cookie } });
      return keep(await run(PAGES[page].loader({ request, context, params: {} })));
    },
    /** The page as the HTTP server answers a whole-page visit, in front of Remix (decision 034). */
    direct(page: "result", opts: { csrfToken?: string; extraCookie?: string } = {}) {
      const request = new Request(`${BASE}/${page}`, { headers: { Cookie: [cookie, opts.extraCookie].filter(Boolean).join("; ") } });
      return PAGES[page].direct!(request, { ...context, csrfToken: opts.csrfToken ?? TOKEN });
    },
    async post(page: string, body: Record<string, string>) {
      const request = new Request(`${BASE}/${page}`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: TOKEN, ...body }),
      });
      return keep(await run(PAGES[page].action!({ request, context, params: {} })));
    },
  };
}

const date = (iso: string, prefix = "date") => {
  const [y, m, d] = iso.split("-");
  return { [`${prefix}Day`]: String(Number(d)), [`${prefix}Month`]: String(Number(m)), [`${prefix}Year`]: y };
};

async function errorsOf(response: Response) {
  expect(response.status).toBe(400);
  return ((await response.json()) as { error: Record<string, string[]> }).error;
}

const location = (response: Response) => {
  expect(response.status).toBe(302);
  return response.headers.get("Location");
};

/** Answers every question: `earlier` are the other days in the 6 months before, `yes` the yes-or-no questions answered yes. */
async function answerAll(b: ReturnType<typeof browser>, opts: { postcode?: string; dates: string[]; earlier?: string[]; yes?: string[] }) {
  const yes = (page: string) => ({ answer: opts.yes?.includes(page) ? "yes" : "no" });
  expect(location(await b.post("where-does-the-child-live", { postcode: opts.postcode ?? "" }))).toBe("/check-if-a-licence-is-needed/date-of-birth");
  expect(location(await b.post("date-of-birth", date("2018-05-20", "dateOfBirth")))).toBe("/check-if-a-licence-is-needed/performance-dates");
  for (const d of opts.dates) location(await b.post("performance-dates", { intent: "add", ...date(d) }));
  expect(location(await b.post("performance-dates", { intent: "continue" }))).toBe("/check-if-a-licence-is-needed/performed-before");
  if (opts.earlier?.length) {
    expect(location(await b.post("performed-before", { answer: "yes" }))).toBe("/check-if-a-licence-is-needed/earlier-dates");
    for (const d of opts.earlier) location(await b.post("earlier-dates", { intent: "add", ...date(d) }));
    expect(location(await b.post("earlier-dates", { intent: "continue" }))).toBe("/check-if-a-licence-is-needed/payment");
  } else {
    expect(location(await b.post("performed-before", { answer: "no" }))).toBe("/check-if-a-licence-is-needed/payment");
  }
  expect(location(await b.post("payment", yes("payment")))).toBe("/check-if-a-licence-is-needed/school");
  expect(location(await b.post("school", yes("school")))).toBe("/check-if-a-licence-is-needed/bopa");
  expect(location(await b.post("bopa", yes("bopa")))).toBe("/check-if-a-licence-is-needed/broadcast");
  expect(location(await b.post("broadcast", yes("broadcast")))).toBe("/check-if-a-licence-is-needed/time-off-school");
  expect(location(await b.post("time-off-school", yes("time-off-school")))).toBe("/check-if-a-licence-is-needed/check-answers");
}

const resultOf = async (b: ReturnType<typeof browser>) => (await (await b.get("result")).json()) as Awaited<ReturnType<typeof checkerResult>>;

describe("the licence checker's question pages", () => {
  it("keeps answers in a signed, httpOnly, SameSite=Lax cookie for a day, and writes nothing to the database", async () => {
    const b = browser();
    const saved = await b.post("where-does-the-child-live", { postcode: "nm1 2ab" });
    const set = saved.headers.get("Set-Cookie")!;
    expect(set).toMatch(/^clp_checker=/);
    expect(set).toMatch(/Max-Age=86400/);
    expect(set).toMatch(/Path=\/check-if-a-licence-is-needed/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    expect(await (await b.get("where-does-the-child-live")).json()).toMatchObject({ saved: { postcode: "NM1 2AB" } });
    expect(await db().select().from(auditEvents)).toEqual([]);

    // A cookie changed in the browser fails its signature: no answers.
    const [name, value] = b.cookie().split("=");
    b.setCookie(`${name}=${value.slice(0, -3)}abc`);
    expect(location(await b.get("date-of-birth"))).toBe("/check-if-a-licence-is-needed/where-does-the-child-live");
  });

  it("sends a later page with an earlier answer missing to the first unanswered question", async () => {
    const b = browser();
    expect(location(await b.get("payment"))).toBe("/check-if-a-licence-is-needed/where-does-the-child-live");
    expect(location(await b.get("result"))).toBe("/check-if-a-licence-is-needed/where-does-the-child-live");
    await b.post("where-does-the-child-live", {});
    expect(location(await b.get("check-answers"))).toBe("/check-if-a-licence-is-needed/date-of-birth");
    expect(location(await b.post("school", { answer: "no" }))).toBe("/check-if-a-licence-is-needed/date-of-birth");
    await b.post("date-of-birth", date("2018-05-20", "dateOfBirth"));
    expect(location(await b.get("bopa"))).toBe("/check-if-a-licence-is-needed/performance-dates");
    // The first question goes back to the start page.
    expect(await (await b.get("where-does-the-child-live")).json()).toMatchObject({ back: "/check-if-a-licence-is-needed" });
  });

  it("answers bad input with GOV.UK messages, keeping what was typed", async () => {
    const b = browser();
    expect(await errorsOf(await b.post("where-does-the-child-live", { postcode: "not a postcode" }))).toEqual({
      postcode: ["Enter a real postcode, or leave it blank if you do not know it"],
    });
    await b.post("where-does-the-child-live", { postcode: "" });

    expect(await errorsOf(await b.post("date-of-birth", {}))).toEqual({ dateOfBirthDay: ["Enter the child's date of birth"] });
    expect(await errorsOf(await b.post("date-of-birth", { dateOfBirthDay: "20", dateOfBirthYear: "2018" }))).toEqual({
      dateOfBirthDay: ["The child's date of birth must include a month"],
    });
    const notReal = await b.post("date-of-birth", { dateOfBirthDay: "31", dateOfBirthMonth: "2", dateOfBirthYear: "2018" });
    expect(notReal.status).toBe(400);
    const body = (await notReal.json()) as { error: Record<string, string[]>; initialValue: Record<string, string> };
    expect(body.error).toEqual({ dateOfBirthDay: ["The child's date of birth must be a real date"] });
    expect(body.initialValue).toMatchObject({ dateOfBirthDay: "31", dateOfBirthMonth: "2", dateOfBirthYear: "2018" });
    const nextYear = String(new Date().getFullYear() + 1);
    expect(await errorsOf(await b.post("date-of-birth", { dateOfBirthDay: "1", dateOfBirthMonth: "1", dateOfBirthYear: nextYear }))).toEqual({
      dateOfBirthDay: ["The child's date of birth must be today or in the past"],
    });
    await b.post("date-of-birth", date("2018-05-20", "dateOfBirth"));

    expect(await errorsOf(await b.post("performance-dates", { intent: "continue" }))).toEqual({ dateDay: ["Add at least one performance date"] });
    expect(await errorsOf(await b.post("performance-dates", { intent: "add" }))).toEqual({ dateDay: ["Enter the performance date"] });
    expect(await errorsOf(await b.post("performance-dates", { intent: "add", ...date("2018-05-19") }))).toEqual({
      dateDay: ["The date must be on or after the child's date of birth, Sun 20 May 2018"],
    });
    // Continue with a half-typed date reports it rather than dropping it.
    expect(await errorsOf(await b.post("performance-dates", { intent: "continue", dateDay: "3" }))).toEqual({
      dateDay: ["The performance date must include a month and year"],
    });
    // Up to 60 dates; a date already added is ignored.
    for (let i = 0; i < 60; i++) {
      const d = new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10);
      expect(location(await b.post("performance-dates", { intent: "add", ...date(d) }))).toBe("/check-if-a-licence-is-needed/performance-dates");
    }
    expect(location(await b.post("performance-dates", { intent: "add", ...date("2030-01-01") }))).toBe("/check-if-a-licence-is-needed/performance-dates");
    expect(await errorsOf(await b.post("performance-dates", { intent: "add", ...date("2030-06-01") }))).toEqual({ dateDay: ["You can add up to 60 dates"] });
    const loaded = (await (await b.get("performance-dates")).json()) as { dates: string[] };
    expect(loaded.dates).toHaveLength(60);
    for (const d of loaded.dates.slice(1)) location(await b.post("performance-dates", { intent: "remove", date: d }));
    expect(await (await b.get("performance-dates")).json()).toMatchObject({ dates: ["2030-01-01"] });
    // A date typed before Continue is added too.
    expect(location(await b.post("performance-dates", { intent: "continue", ...date("2030-01-02") }))).toBe("/check-if-a-licence-is-needed/performed-before");
    expect(await (await b.get("performance-dates")).json()).toMatchObject({ dates: ["2030-01-01", "2030-01-02"] });

    expect(await errorsOf(await b.post("performed-before", {}))).toEqual({
      answer: ["Select yes if the child has performed on other days in the 6 months before Tue 1 January 2030"],
    });
    expect(await (await b.get("performed-before")).json()).toMatchObject({ question: "Has the child performed on any other days in the 6 months before Tue 1 January 2030?" });
    await b.post("performed-before", { answer: "yes" });
    expect(await errorsOf(await b.post("earlier-dates", { intent: "continue" }))).toEqual({ dateDay: ["Add at least one date the child performed on"] });
    expect(await errorsOf(await b.post("earlier-dates", { intent: "add", ...date("2029-06-30") }))).toEqual({
      dateDay: ["The date must be in the 6 months before Tue 1 January 2030: from Sun 1 July 2029 to Mon 31 December 2029"],
    });
    expect(await errorsOf(await b.post("earlier-dates", { intent: "add", ...date("2030-01-01") }))).toEqual({
      dateDay: ["The date must be in the 6 months before Tue 1 January 2030: from Sun 1 July 2029 to Mon 31 December 2029"],
    });
    await b.post("earlier-dates", { intent: "continue", ...date("2029-07-01") });

    const yesNoErrors: [string, Record<string, string>, string][] = [
      ["payment", {}, "Select yes if the child will be paid beyond expenses"],
      ["school", { answer: "maybe" }, "Select yes if the performance is arranged by the child's school"],
      ["bopa", {}, "Select yes if the organiser holds a BOPA from the council where the performance takes place"],
      ["broadcast", {}, "Select yes if the performance will be filmed or recorded for broadcast or streaming"],
      ["time-off-school", {}, "Select yes if the child will need time off school"],
    ];
    for (const [page, body, message] of yesNoErrors) {
      expect(await errorsOf(await b.post(page, body))).toEqual({ answer: [message] });
      location(await b.post(page, { answer: "no" }));
    }
  });

  it("refuses a date of birth after the performance dates already given", async () => {
    const b = browser();
    await b.post("where-does-the-child-live", {});
    await b.post("date-of-birth", date("2018-05-20", "dateOfBirth"));
    await b.post("performance-dates", { intent: "continue", ...date("2019-01-01") });
    expect(await errorsOf(await b.post("date-of-birth", { returnTo: "check", ...date("2019-06-01", "dateOfBirth") }))).toEqual({
      dateOfBirthDay: ["The child's date of birth must be on or before their first performance date, Tue 1 January 2019"],
    });
  });
});

describe("the licence checker's result", () => {
  it("four-day rule: 3 earlier days and one new date need no licence; a second new date is the 5th day and needs one", async () => {
    const b = browser();
    await answerAll(b, { dates: ["2030-03-14"], earlier: ["2029-10-01", "2029-12-05", "2030-02-20"] });
    const first = await resultOf(b);
    expect(first.result).toMatchObject({ licenceRequired: false, basis: "four-day-rule" });
    expect(first.counts).toEqual([{ date: "2030-03-14", counted: ["2029-10-01", "2029-12-05", "2030-02-20"] }]);
    expect(first.authority).toBeNull();
    expect(first.local).toEqual({ absenceAllowed: false, broadcastAllowed: false });

    // Change the dates from check your answers: back there after Continue.
    const change = await b.get("performance-dates", "?from=check");
    expect(await change.json()).toMatchObject({ back: "/check-if-a-licence-is-needed/check-answers", fromCheck: true });
    expect(location(await b.post("performance-dates", { intent: "add", returnTo: "check", ...date("2030-03-15") }))).toBe(
      "/check-if-a-licence-is-needed/performance-dates?from=check",
    );
    expect(location(await b.post("performance-dates", { intent: "continue", returnTo: "check" }))).toBe("/check-if-a-licence-is-needed/check-answers");
    const second = await resultOf(b);
    expect(second.result.licenceRequired).toBe(true);
    expect(second.result.basis).toBeNull();
    expect(second.result.reasons).toEqual([
      expect.objectContaining({ rule: "EXEMPT-4DAY", date: "2030-03-15", counted: ["2029-10-01", "2029-12-05", "2030-02-20", "2030-03-14"] }),
    ]);
    expect(second.result.reasons[0].message).toContain("5th performance day in 6 months");
    expect(second.applyBy).toBe("2030-02-21");
  });

  it("a paid child needs a licence (EXEMPT-PAYMENT), even with a BOPA", async () => {
    const b = browser();
    await answerAll(b, { dates: ["2030-03-14"], yes: ["payment", "bopa"] });
    const { result: r } = await resultOf(b);
    expect(r.licenceRequired).toBe(true);
    expect(r.reasons.map((x) => x.rule)).toEqual(["EXEMPT-PAYMENT", "EXEMPT-BOPA"]);
  });

  it("a change that opens a new question goes there before returning to check your answers", async () => {
    const b = browser();
    await answerAll(b, { dates: ["2030-03-14"] });
    expect(location(await b.post("performed-before", { answer: "yes", returnTo: "check" }))).toBe("/check-if-a-licence-is-needed/earlier-dates?from=check");
    expect(location(await b.get("result"))).toBe("/check-if-a-licence-is-needed/earlier-dates");
    expect(location(await b.post("earlier-dates", { intent: "continue", returnTo: "check", ...date("2030-01-10") }))).toBe(
      "/check-if-a-licence-is-needed/check-answers",
    );
    // Start again forgets everything.
    const again = await b.post("result", {});
    expect(location(again)).toBe("/check-if-a-licence-is-needed/where-does-the-child-live");
    expect(again.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
  });

  it("uses the local settings of the council for the child's postcode, and the defaults when there is none", async () => {
    const council = await createAuthority(db(), { name: "Northmere Council", postcodeDistricts: ["NM1"] });
    const admin = actorFor(await createUser(db()), [{ role: "admin", authorityId: council.id }]);
    await updateAuthoritySettings(db(), admin, council.id, { exemptAbsenceAllowed: true });

    const local = browser();
    await answerAll(local, { postcode: "nm1 2ab", dates: ["2030-03-14"], yes: ["time-off-school"] });
    const there = await resultOf(local);
    expect(there.authority).toEqual({ name: "Northmere Council" });
    expect(there.result).toMatchObject({ licenceRequired: false, basis: "four-day-rule" });

    const elsewhere = browser();
    await answerAll(elsewhere, { postcode: "ZZ9 9ZZ", dates: ["2030-03-14"], yes: ["time-off-school"] });
    const unknown = await resultOf(elsewhere);
    expect(unknown.authority).toBeNull();
    expect(unknown.postcode).toBe("ZZ9 9ZZ");
    expect(unknown.result.licenceRequired).toBe(true);
    expect(unknown.result.reasons.map((x) => x.rule)).toEqual(["EXEMPT-ABSENCE"]);
  });
});

describe("the result page answered in front of Remix (decision 034)", () => {
  it("is the whole GOV.UK page, with the visitor's own form token and no scripts", async () => {
    const b = browser();
    await answerAll(b, { dates: ["2030-03-14"], earlier: ["2030-01-10"] });
    const data = await resultOf(b);
    const page = (await b.direct("result"))!;
    expect(page.status).toBe(200);
    expect(page.headers["Content-Type"]).toBe("text/html; charset=utf-8");
    expect(page.body).toMatch(/^<!DOCTYPE html><html lang="en"/);
    expect(page.body).toContain("<title>The child does not need a licence – Child licensing</title>");
    expect(page.body).toContain('<h1 class="govuk-heading-l">The child does not need a licence</h1>');
    expect(page.body).toContain(data.result.reasons[0].message);
    expect(page.body).toContain("Days counted for the four-day rule");
    expect(page.body).toContain('<a href="#main-content" class="govuk-skip-link"');
    expect(page.body).toContain('class="govuk-footer"');
    expect(page.body).toContain(`<input type="hidden" name="csrf" value="${TOKEN}"/>`);
    expect(page.body).not.toContain("<script");

    // The shell is shared between visitors who are not signed in; the form token is each one's own.
    const other = (await b.direct("result", { csrfToken: "o".repeat(43) }))!;
    expect(other.body).toContain(`name="csrf" value="${"o".repeat(43)}"`);
    expect(other.body).not.toContain(TOKEN);
  });

  it("shows a signed-in visitor their name, menu and sign-out form", async () => {
    const user = await createUser(db(), { name: "Sam <Parent>" });
    const b = browser();
    await answerAll(b, { dates: ["2030-03-14"], yes: ["payment"] });
    const page = (await b.direct("result", { extraCookie: await signedIn(user), csrfToken: "s".repeat(43) }))!;
    expect(page.body).toContain("<title>The child needs a licence – Child licensing</title>");
    expect(page.body).toContain("Signed in as <strong>Sam &lt;Parent&gt;</strong>");
    expect(page.body).toContain('href="/account"');
    expect(page.body.match(new RegExp(`name="csrf" value="${"s".repeat(43)}"`, "g"))).toHaveLength(2);
    // and the next visitor, not signed in, does not see them
    const anonymous = (await b.direct("result"))!;
    expect(anonymous.body).not.toContain("Sam");
  });

  it("sends a visitor with answers missing to the first question, as Remix would", async () => {
    const page = (await browser().direct("result"))!;
    expect(page.status).toBe(302);
    expect(page.headers.Location).toBe("/check-if-a-licence-is-needed/where-does-the-child-live");
    expect(page.body).toBe("");
  });

  it("leaves anything else its data throws to Remix, and escapes the title", async () => {
    const request = new Request(`${BASE}/result`);
    const Page = ({ text }: { text: string }) => <p>{text}</p>;
    const failing = async (): Promise<{ text: string }> => {
      throw new Error("the database is down");
    };
    expect(await answerDirectly(request, context, { data: failing, title: () => "t", Page })).toBeNull();
    const moved = async (): Promise<{ text: string }> => {
      throw new Response(null, { status: 303, headers: [["Location", "/elsewhere"], ["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"]] });
    };
    expect(await answerDirectly(request, context, { data: moved, title: () => "t", Page })).toEqual({
      status: 303,
      headers: { Location: "/elsewhere", "Set-Cookie": ["a=1", "b=2"] },
      body: "",
    });
    const page = await answerDirectly(request, context, { data: async () => ({ text: "<b>" }), title: () => `"Fish" & <chips>`, Page });
    expect(page?.body).toContain("<title>&quot;Fish&quot; &amp; &lt;chips&gt; – Child licensing</title>");
    expect(page?.body).toContain("<p>&lt;b&gt;</p>");
  });
});
