/**
 * `npm run bench:http`: requests a second through the whole portal (its HTTP server's security headers, then Express
 * and Remix, or the direct path of decisions 030 and 034; React server rendering) against a bare `node:http` server
 * doing the same work and queries (bench/bare-server.ts), in the same run, with autocannon at 50 connections; and
 * the portal process's peak memory under that load.
 *   - the public checker's result page (a signed cookie of answers, two queries, the rules, a full GOV.UK page);
 *   - the accessibility statement, a page with no loader or query of its own: what every page costs before its work;
 *   - POST /api/v1/exemption-checks.
 * Goals: the portal at least 60% of the bare server's requests a second; peak memory under 300 MB.
 * On the PostgreSQL server (BENCH_DATABASE_URL) in a fresh database with the demo data.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCookieSessionStorage } from "@remix-run/node";
import autocannon from "autocannon";
import postgres from "postgres";
import { WEB_ENV, WEB_NODE_FLAGS, webProcessArgs } from "../scripts/web-command";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 50;
const APP_PORT = 3990;
const BARE_PORT = 3991;
const database = "clp_bench_http";
const secret = randomBytes(36).toString("base64url");
const work = mkdtempSync(path.join(tmpdir(), "clp-bench-http-"));

const admin = postgres(`${SERVER}/postgres`, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${database} with (force)`);
await admin.unsafe(`create database ${database}`);
await admin.end();
if (!existsSync("build/index.js") && spawnSync("npm", ["run", "build", "--silent"], { stdio: "inherit" }).status !== 0) process.exit(1);

const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `${SERVER}/${database}`, SESSION_SECRET: secret, NODE_ENV: "production", TZ: "Europe/London", SIGNING_DIR: work, ...WEB_ENV };
const children: ChildProcess[] = [];
function start(args: string[], port: number, extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, args, { env: { ...env, PORT: String(port), ...extra }, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  return child;
}
process.on("exit", () => {
  for (const c of children) c.kill("SIGKILL");
});

async function waitFor(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

// BENCH_PROFILE_DIR=dir writes the portal's and the bare server's CPU profiles there when they stop (open them in Chrome's
// DevTools); sampled every 4 ms, as finer sampling slowed the portal by half and skewed its profile.
const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-interval=4000", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
const app = start([...profile, ...webProcessArgs("--no-build")], APP_PORT, { SEED_DEMO: "true" });
await waitFor(`http://127.0.0.1:${APP_PORT}/healthz`);

// A checker session: a Northmere child, not paid, who performed on two days in the last 6 months.
const storage = createCookieSessionStorage({
  cookie: { name: "clp_checker", httpOnly: true, sameSite: "lax", path: "/check-if-a-licence-is-needed", maxAge: 86_400, secrets: [secret] },
});
const session = await storage.getSession();
session.set("answers", {
  postcode: "NM1 1AA",
  dateOfBirth: "2015-03-14",
  dates: ["2027-03-06", "2027-03-07"],
  performedBefore: true,
  earlierDates: ["2026-12-01", "2026-12-02"],
  paid: false,
  arrangedBySchool: false,
  organiserHoldsBopa: false,
  broadcast: false,
  absenceFromSchool: false,
});
// A visitor at the result page has answered the checker's forms, so also carries the form-token cookie they set.
const cookie = `${(await storage.commitSession(session)).split(";")[0]}; clp_csrf=${randomBytes(32).toString("base64url")}`;
const pagePath = "/check-if-a-licence-is-needed/result";
const first = await fetch(`http://127.0.0.1:${APP_PORT}${pagePath}`, { headers: { Cookie: cookie } });
const html = await first.text();
if (first.status !== 200 || !html.includes("Northmere")) throw new Error(`The checker result page answered ${first.status}`);
const pageFile = path.join(work, "page.html");
writeFileSync(pageFile, html);
// The framework's floor: a page with no loader of its own and no query (the root's loader, the shell, the text).
const staticPath = "/accessibility";
const staticPage = await fetch(`http://127.0.0.1:${APP_PORT}${staticPath}`);
const staticFile = path.join(work, "static.html");
writeFileSync(staticFile, await staticPage.text());

// The same V8 limits as the portal: the comparison is of the code, not of the settings.
start([...profile, ...WEB_NODE_FLAGS, "--import", "tsx", "bench/bare-server.ts"], BARE_PORT, { BARE_PAGE_FILE: pageFile, BARE_STATIC_FILE: staticFile });
await waitFor(`http://127.0.0.1:${BARE_PORT}/`);

const apiBody = JSON.stringify({
  child: { dateOfBirth: "2015-03-14" },
  performance: { dates: ["2027-03-06"], paid: false, absenceFromSchool: false, broadcast: false, organiserHoldsBopa: false, arrangedBySchool: false },
  previousPerformanceDates: ["2026-12-01", "2026-12-02"],
});
const requests = {
  page: { method: "GET" as const, path: pagePath, headers: { Cookie: cookie } },
  static: { method: "GET" as const, path: staticPath, headers: {} },
  api: { method: "POST" as const, path: "/api/v1/exemption-checks", headers: { "Content-Type": "application/json" }, body: apiBody },
};

/** The app process's resident memory now and at its peak (VmRSS, VmHWM), in MB. */
function memory(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0) / 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

async function load(port: number, request: (typeof requests)[keyof typeof requests], duration: number) {
  const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration, requests: [request] });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}
type Figures = Awaited<ReturnType<typeof load>>;

/**
 * The shared VM's speed drifts over minutes, so the two servers take turns (BENCH_ROUNDS rounds of SECONDS ÷ rounds
 * each) and each figure is the median round; the ratio is the median of the rounds' ratios.
 */
async function compare(request: (typeof requests)[keyof typeof requests]) {
  const seconds = Math.max(2, Math.round(SECONDS / ROUNDS));
  const rounds: { app: Figures; bare: Figures }[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push({ app: await load(APP_PORT, request, seconds), bare: await load(BARE_PORT, request, seconds) });
  const median = <T,>(values: T[], by: (v: T) => number) => [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)];
  const errors = (side: "app" | "bare") => rounds.reduce((n, r) => n + r[side].errors, 0);
  return {
    app: { ...median(rounds.map((r) => r.app), (f) => f.rps), errors: errors("app") },
    bare: { ...median(rounds.map((r) => r.bare), (f) => f.rps), errors: errors("bare") },
    ratio: median(rounds.map((r) => r.app.rps / r.bare.rps), (x) => x),
  };
}

const figures: Record<string, Awaited<ReturnType<typeof compare>>> = {};
// BENCH_ONLY=page or api measures just that one.
for (const [name, request] of Object.entries(requests).filter(([name]) => !process.env.BENCH_ONLY || name === process.env.BENCH_ONLY)) {
  await load(APP_PORT, request, 3); // warm up
  await load(BARE_PORT, request, 3);
  figures[name] = await compare(request);
}

const label = { page: "checker result page", static: "accessibility statement (no query)", api: "POST /api/v1/exemption-checks" } as const;
for (const [name, f] of Object.entries(figures)) {
  const ratio = `${(f.ratio * 100).toFixed(0)}%`;
  console.log(
    `${label[name as keyof typeof label]}: portal ${f.app.rps.toFixed(0)} req/s (p50 ${f.app.p50} ms, p99 ${f.app.p99} ms, ${f.app.errors} errors), ` +
      `bare node:http ${f.bare.rps.toFixed(0)} req/s (p50 ${f.bare.p50} ms, p99 ${f.bare.p99} ms, ${f.bare.errors} errors): ` +
      (name === "static" ? `${ratio}; the floor: ${(1000 / f.app.rps).toFixed(2)} ms a page before any page's own work` : `${ratio} (goal ≥ 60%)`),
  );
}
// What React alone takes to render this page's markup (plain elements, no components, no framework).
const react = spawnSync(process.execPath, ["--import", "tsx", "bench/react-render.ts", pageFile], { env: { ...process.env, NODE_ENV: "production" }, encoding: "utf8" });
if (react.status === 0) {
  const { ms } = JSON.parse(react.stdout) as { ms: number };
  const page = figures.page?.app.rps;
  console.log(`React's render of the page's markup alone: ${ms.toFixed(3)} ms${page ? ` (the portal spends ${(1000 / page).toFixed(2)} ms a page)` : ""}`);
} else console.error(react.stderr);
const { peak } = memory(app.pid ?? 0);
console.log(`portal process peak memory (VmHWM) under ${CONNECTIONS} connections: ${peak.toFixed(0)} MB (goal < 300 MB)`);
await Promise.all(children.map((c) => new Promise((stopped) => c.once("exit", stopped).kill("SIGTERM"))));
