/**
 * PostgreSQL restarts while people use the service: every answer during the outage is a 503 with the GOV.UK
 * "Sorry, the service is unavailable" page (or a plain 503 for non-pages), never a 500 or a stack trace; the page
 * is accessible; and the same app process recovers on its own: pages answer 200 again and jobs run again (an
 * email queued after recovery is delivered). Done twice: a clean shutdown (`-m fast`) and a crash (`-m immediate`).
 */
import AxeBuilder from "@axe-core/playwright";
import { chromium } from "@playwright/test";
import type postgres from "postgres";
import { type Answer, type AppProcess, artefact, check, leaksInternals, registerAccount, request, scenario, sleep, step, waitFor } from "./harness";

const TITLE = "Sorry, the service is unavailable";

type Seen = { what: string; status: number; leak: boolean };

/** Requests in a loop (a page, a client-side navigation, the health check) until stopped, keeping every answer. */
function backgroundTraffic(app: AppProcess) {
  const seen: Seen[] = [];
  const targets: [string, string, RequestInit?][] = [
    ["page", `${app.url}/service-performance`, { headers: { Accept: "text/html" } }],
    ["data", `${app.url}/service-performance?_data=routes%2Fservice-performance`],
    ["healthz", `${app.url}/healthz`],
  ];
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const [what, url, init] = targets[i % targets.length];
      const res = await request(url, init);
      seen.push({ what, status: res.status, leak: leaksInternals(res.body) });
      await sleep(40);
    }
  })();
  return {
    seen,
    async stop() {
      running = false;
      await loop;
    },
  };
}

function isServiceUnavailablePage(res: Answer) {
  return (
    res.status === 503 &&
    (res.headers.get("content-type") ?? "").startsWith("text/html") &&
    res.body.includes(`<h1 class="govuk-heading-l">${TITLE}</h1>`) &&
    res.body.includes(`<title>${TITLE} – Child licensing</title>`)
  );
}

async function checkOutageAnswers(app: AppProcess, label: string) {
  const page = await request(`${app.url}/service-performance`, { headers: { Accept: "text/html" } });
  check(`${label}: a page answers 503 with the "${TITLE}" page`, isServiceUnavailablePage(page), { status: page.status, body: page.body.slice(0, 300) });
  check(`${label}: it says to try again later and that saved answers are kept`, page.body.includes("Try again in a few minutes") && page.body.includes("We saved your answers"));
  check(`${label}: Retry-After and no-store on the 503`, page.headers.get("retry-after") === "30" && page.headers.get("cache-control") === "no-store", Object.fromEntries(page.headers));
  check(`${label}: the page shows no stack trace or internal error`, !leaksInternals(page.body));
  check(`${label}: no scripts, so no database is needed to show it`, !page.body.includes("<script"));
  const css = page.body.match(/href="(\/build\/_assets\/govuk-frontend[^"]+\.css)"/)?.[1];
  const cssAnswer = css ? await request(`${app.url}${css}`) : null;
  check(`${label}: GOV.UK styles linked and served (${css})`, cssAnswer?.status === 200);
  check(`${label}: the usual security headers are still set`, !!page.headers.get("content-security-policy") && page.headers.get("x-frame-options") === "DENY");

  const data = await request(`${app.url}/service-performance?_data=routes%2Fservice-performance`);
  check(
    `${label}: a client-side navigation (?_data) answers 503 and tells the browser to load the page itself`,
    data.status === 503 && data.headers.get("x-remix-redirect") === "/service-performance" && data.headers.get("x-remix-reload-document") === "yes",
    { status: data.status, headers: Object.fromEntries(data.headers) },
  );

  const post = await registerAccount(app, `outage-${Date.now()}@faults.example`);
  check(`${label}: a form post answers 503 with the same page`, isServiceUnavailablePage(post), { status: post.status, body: post.body.slice(0, 300) });

  const json = await request(`${app.url}/verify/NMC-PL-2026-000001.json`);
  check(`${label}: a resource route (verify .json) answers a plain 503`, json.status === 503 && json.body.startsWith("Sorry, the service is unavailable") && json.headers.get("retry-after") === "30", {
    status: json.status,
    body: json.body.slice(0, 200),
  });
  const download = await request(`${app.url}/verify/NMC-PL-2026-000001.json`, { headers: { Accept: "text/html" } });
  check(`${label}: the same resource route opened in a browser answers 503 with the page`, isServiceUnavailablePage(download), {
    status: download.status,
    body: download.body.slice(0, 200),
  });

  const health = await request(`${app.url}/healthz`);
  check(`${label}: /healthz answers 503 {"db":"unreachable"}`, health.status === 503 && health.body.includes("unreachable"), health.body);
}

async function checkAccessible(app: AppProcess) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
  try {
    const page = await (await browser.newContext()).newPage();
    const res = await page.goto(`${app.url}/service-performance`);
    check("in Chromium the page loads with status 503", res?.status() === 503, res?.status());
    check(`its only heading is "${TITLE}"`, (await page.getByRole("heading").allTextContents()).join("|") === TITLE);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    check(
      "axe finds no accessibility violations on it",
      results.violations.length === 0,
      results.violations.map((v) => `${v.id}: ${v.help}`),
    );
    const fontFamily = await page.locator("h1").evaluate((h) => getComputedStyle(h).fontFamily);
    check("the GOV.UK stylesheet applies (heading font)", /GDS Transport|arial|sans-serif/i.test(fontFamily), fontFamily);
    console.log(`      screenshot: ${artefact("service-unavailable.png", await page.screenshot({ fullPage: true }))}`);

    // With JavaScript, a link is a client-side navigation (a ?_data request): the browser must end on the same page.
    const statement = await page.goto(`${app.url}/accessibility`);
    check("a page that needs no database still loads during the outage (the accessibility statement, 200)", statement?.status() === 200, statement?.status());
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    const reload = page.waitForResponse((r) => r.url() === `${app.url}/service-performance` && r.request().resourceType() === "document");
    await page.getByRole("link", { name: "Service performance" }).click();
    const document = await reload;
    await page.waitForURL(`${app.url}/service-performance`, { waitUntil: "load" });
    check(
      "following a link with JavaScript on loads the address as a whole page: the same 503 page",
      document.status() === 503 && (await page.title()).startsWith(TITLE) && new URL(page.url()).pathname === "/service-performance",
      { status: document.status(), title: await page.title(), url: page.url() },
    );
  } finally {
    await browser.close();
  }
}

async function mailboxHas(sql: postgres.Sql, to: string) {
  const rows = await sql`select m.id from mailbox m join outbox o on o.id = m.outbox_id where m.to = ${to} and o.status = 'sent'`;
  return rows.length === 1;
}

export default scenario("database-restart", "PostgreSQL restarts while the app serves traffic", async (t) => {
  const url = await t.createDatabase();
  step("start the app on its own database");
  const app = await t.startApp({ name: "app", databaseUrl: url });
  const sql = t.sql(url);

  const before = await request(`${app.url}/service-performance`);
  check("before the outage a page that reads the database answers 200", before.status === 200, before.status);
  const firstEmail = `before-${Date.now()}@faults.example`;
  const registered = await registerAccount(app, firstEmail);
  check("an account registered before the outage (302)", registered.status === 302, registered.status);
  await waitFor("the confirmation email before the outage", () => mailboxHas(sql, firstEmail), 20_000);
  check("its confirmation email was delivered by the job worker", true);

  const traffic = backgroundTraffic(app);
  await sleep(500);

  for (const mode of ["fast", "immediate"] as const) {
    const label = mode === "fast" ? "clean shutdown" : "crash";
    step(`stop PostgreSQL (pg_ctl stop -m ${mode}: a ${label}) while requests keep coming`);
    await t.cluster.stop(mode);
    await sleep(1500);
    await checkOutageAnswers(app, label);
    if (mode === "fast") {
      step("open the page in Chromium and check it with axe");
      await checkAccessible(app);
    }

    step("start PostgreSQL again; the app is not restarted");
    const downAt = Date.now();
    await t.cluster.start();
    await app.waitHealthy(30_000);
    check(`${label}: /healthz is 200 again ${((Date.now() - downAt) / 1000).toFixed(1)} s after PostgreSQL started, same process (pid ${app.pid})`, !app.exited);
    const page = await waitFor("a page to answer 200 again", async () => ((await request(`${app.url}/service-performance`)).status === 200 ? true : null), 15_000);
    check(`${label}: pages answer 200 again`, page);

    const email = `after-${mode}-${Date.now()}@faults.example`;
    const afterRegistration = await registerAccount(app, email);
    check(`${label}: a form post after recovery works (302 to check your email)`, afterRegistration.status === 302, afterRegistration.status);
    const t0 = Date.now();
    await waitFor(`the confirmation email to ${email}`, () => mailboxHas(sql, email), 60_000);
    check(`${label}: the email queued after recovery was delivered by the job worker (${((Date.now() - t0) / 1000).toFixed(1)} s)`, true);
  }

  await traffic.stop();
  const statuses = [...new Set(traffic.seen.map((s) => s.status))].sort();
  const byStatus = Object.fromEntries(statuses.map((s) => [s, traffic.seen.filter((x) => x.status === s).length]));
  console.log(`      background traffic: ${traffic.seen.length} requests, by status ${JSON.stringify(byStatus)}`);
  check("background traffic: every answer was 200 or 503 (never a 500, never a refused connection)", statuses.every((s) => s === 200 || s === 503), byStatus);
  check("background traffic: both outages were seen (503s) and the service came back (200s)", (byStatus[503] ?? 0) > 0 && (byStatus[200] ?? 0) > 0, byStatus);
  check("background traffic: no answer leaked a stack trace or internal error", traffic.seen.every((s) => !s.leak));

  const stopped = await app.stop();
  check("the app still stops cleanly on SIGTERM", stopped.code === 0, stopped);
});
