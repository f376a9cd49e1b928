/**
 * `npm run bench:load`: the load test of issue 10 (items 2 and 3). Against the real PostgreSQL it
 *   1. builds the app unless built, makes a fresh database (`clp_load`, dropped and made again) through the app's
 *      migrations, with a council whose postcode district is LD1 and LOAD_USERS chaperone accounts;
 *   2. starts the app in production mode as `npm start` does (scripts/web-command.ts, `--no-build`, job worker included), so
 *      the process measured is the web process itself;
 *   3. runs LOAD_USERS virtual applicants for LOAD_SECONDS, each a browser without JavaScript (a cookie jar, the
 *      form's CSRF token from its hidden field): sign in, start a chaperone application, fill in every section
 *      (three of them multipart uploads: a PNG photograph, a JPEG scan, a PDF certificate), check the answers, send
 *      it, read the confirmation and its reference — then again with a new application until the time is up (a
 *      chaperone has one open application at a time, so each new application is made by a new account, made in the
 *      database as the virtual users need them). Every 5th start and every 5th send is double-sent (two identical
 *      POSTs at once); every 10th send is replayed after its confirmation was read (back, then send again);
 *   4. counts requests, errors (a status of 500 or more, any status or redirect the journey did not expect, a network
 *      error or timeout) and latency per step; samples the web process's memory (VmRSS, and VmHWM: the kernel's
 *      peak), then checks the database: applications stored = distinct confirmations seen, one "submitted" audit
 *      row and one set of emails each.
 * Exits 1 when there was any error or the database does not match what the applicants were shown.
 *
 *   DATABASE_URL  the PostgreSQL server (default postgres://postgres@127.0.0.1:5432); the database is LOAD_DATABASE
 *                 (default clp_load) on it
 *   LOAD_USERS    concurrent virtual applicants (100)      LOAD_SECONDS  how long new journeys start (60)
 *   LOAD_PORT     the app's port (3600)                    LOAD_VERBOSE  show the app's output
 *   LOAD_APP_NODE_OPTIONS  more node options for the app only, e.g. "--cpu-prof"
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import postgres from "postgres";
import sharp from "sharp";
import { minimalPdf } from "../db/factories-bopa";
import { addMonths, londonDate } from "../app/domain/calendar/dates";
import { hashPassword } from "../app/domain/identity/passwords";
import { openPostgres } from "../app/server/db.server";
import { WEB_ENV, webProcessArgs } from "../scripts/web-command";

const USERS = Number(process.env.LOAD_USERS ?? 100);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PORT = Number(process.env.LOAD_PORT ?? 3600);
const DATABASE = process.env.LOAD_DATABASE ?? "clp_load";
const SERVER = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432");
const PASSWORD = "load-test-password-2026";
/** One request may wait this long before it counts as a network error. */
const REQUEST_TIMEOUT_MS = 60_000;
const BUILD_LOCK = process.env.LOAD_BUILD_LOCK ?? "/tmp/clp-build.lock";
const DOUBLE_EVERY = 5;
const REPLAY_EVERY = 10;

const databaseUrl = (name: string) => {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
};
const LOAD_URL = databaseUrl(DATABASE);

// ---------------------------------------------------------------------------------------------------------------
// Set-up: build, database, accounts, the app

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

function buildUnlessBuilt() {
  const built = newestMtime("build/index.js");
  const sources = Math.max(...["app", "db/schema", "emails", "remix.config.js", "package-lock.json"].map(newestMtime));
  if (built && built >= sources && existsSync("public/assets")) return;
  console.log("building the app (npm run build)…");
  // Under the build lock where there is one, so a build running beside this one isn't overwritten half-way.
  const [command, ...args] = existsSync("/usr/bin/flock") ? ["flock", BUILD_LOCK, "npm", "run", "build", "--silent"] : ["npm", "run", "build", "--silent"];
  if (spawnSync(command, args, { stdio: "inherit" }).status !== 0) throw new Error("The build failed");
}

async function freshDatabase() {
  const admin = postgres(databaseUrl("postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const conn = await openPostgres(LOAD_URL); // the app's migrations
  await conn.close();
  const sql = postgres(LOAD_URL, { max: 2, onnotice: () => {} });
  await sql`insert into authorities (code, name, postcode_districts) values ('LDS', 'Loadshire Council', array['LD1'])`;
  return sql;
}

/** Chaperone accounts, made in the database as the virtual users need them (one per application). */
class Accounts {
  private made = 0;
  private free: number[] = [];
  private pending: Promise<void> | null = null;
  constructor(
    private sql: postgres.Sql,
    private passwordHash: string,
  ) {}

  async make(count: number) {
    const from = this.made + 1;
    const to = this.made + count;
    this.made = to;
    await this.sql`
      with made as (
        insert into users (email, name, password_hash, email_confirmed_at)
        select 'applicant-' || i || '@load.example', 'Applicant ' || i, ${this.passwordHash}, now() from generate_series(${from}::int, ${to}::int) i
        returning id)
      insert into memberships (user_id, role) select id, 'chaperone' from made`;
    for (let i = from; i <= to; i++) this.free.push(i);
  }

  async next(): Promise<number> {
    while (!this.free.length) {
      this.pending ??= this.make(USERS).finally(() => {
        this.pending = null;
      });
      await this.pending;
    }
    return this.free.shift()!;
  }

  get count() {
    return this.made;
  }
}

function startApp() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    DATABASE_URL: LOAD_URL,
    APP_ENV: "production",
    NODE_ENV: "production",
    APP_URL: `http://127.0.0.1:${PORT}`,
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    SEED_DEMO: "false",
    RUN_WORKER: "true",
    TZ: "Europe/London",
    ...WEB_ENV,
  };
  for (const name of ["RESEND_API_KEY", "TRUST_PROXY", "SECURE_COOKIES", "NODE_OPTIONS"]) delete env[name];
  // Node options for the app alone (e.g. a heap limit, --cpu-prof), never the load generator's.
  const nodeOptions = (process.env.LOAD_APP_NODE_OPTIONS ?? "").split(/\s+/).filter(Boolean);
  // node itself (not the tsx launcher, which would start a second process) so the pid is the web process.
  return spawn(process.execPath, [...nodeOptions, ...webProcessArgs("--no-build")], { env, stdio: process.env.LOAD_VERBOSE ? "inherit" : "ignore" });
}

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    try {
      const reply = await send("GET", "/healthz", new Jar());
      if (reply.status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The app did not answer /healthz on port ${PORT} within 60 s`);
}

/** VmRSS or VmHWM (kB in /proc) in MB. */
function memory(pid: number, field: "VmRSS" | "VmHWM") {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  return match ? Number(match[1]) / 1024 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// A browser without JavaScript: keep-alive HTTP, a cookie jar, forms

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

class Jar {
  private cookies = new Map<string, string>();
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  take(setCookies: string[] | undefined) {
    for (const line of setCookies ?? []) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

type Reply = { status: number; location: string | null; body: string };
type Body = { type: string; bytes: Buffer };

function send(method: "GET" | "POST", target: string, jar: Jar, body?: Body): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { Accept: "text/html", "User-Agent": "clp-load-test" };
    const cookie = jar.header();
    if (cookie) headers.Cookie = cookie;
    if (body) {
      headers["Content-Type"] = body.type;
      headers["Content-Length"] = body.bytes.length;
      headers.Origin = `http://127.0.0.1:${PORT}`;
    }
    const request = http.request({ host: "127.0.0.1", port: PORT, method, path: target, headers, agent, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => {
        jar.take(response.headers["set-cookie"]);
        resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, body: Buffer.concat(chunks).toString("utf8") });
      });
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    request.on("error", reject);
    request.end(body?.bytes);
  });
}

const urlencoded = (fields: [string, string][]): Body => ({
  type: "application/x-www-form-urlencoded",
  bytes: Buffer.from(new URLSearchParams(fields).toString()),
});

type FilePart = { name: string; filename: string; contentType: string; bytes: Buffer };
function multipart(fields: [string, string][], files: FilePart[]): Body {
  const boundary = `----clpload${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType}\r\n\r\n`));
    parts.push(f.bytes, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat(parts) };
}

const hidden = (html: string, name: string) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? null;
/** Where the page's own POST form goes, as a browser reads it (an index route's form posts to `…?index`); not the header's sign-out. */
const formAction = (html: string) =>
  [...html.matchAll(/<form method="post" action="([^"]*)"/g)].map((m) => m[1].replaceAll("&amp;", "&")).find((action) => action !== "/sign-out") ?? null;

// ---------------------------------------------------------------------------------------------------------------
// Counting

const STEPS = [
  "sign-in page",
  "sign in",
  "chaperone home",
  "start application",
  "task list",
  "question page",
  "save answers",
  "save upload",
  "check answers",
  "send application",
  "confirmation",
] as const;
type Step = (typeof STEPS)[number];

const latencies = new Map<Step, number[]>(STEPS.map((s) => [s, []]));
const failures = new Map<string, number>();
let requests = 0;
let errors = 0;
let journeysDone = 0;
let journeysFailed = 0;
let doubleStarts = 0;
let doubleSends = 0;
let replays = 0;
const confirmations = new Set<string>();

class JourneyError extends Error {}

function fail(reason: string): never {
  errors++;
  failures.set(reason, (failures.get(reason) ?? 0) + 1);
  throw new JourneyError(reason);
}

/** One request of a step: timed, counted, and checked against the status (and redirect) the journey expects. */
async function step(name: Step, method: "GET" | "POST", target: string, jar: Jar, expect: { status: number; location?: string }, body?: Body) {
  requests++;
  const started = performance.now();
  let reply: Reply;
  try {
    reply = await send(method, target, jar, body);
  } catch (error) {
    fail(`${name}: network error (${(error as Error).message})`);
  }
  latencies.get(name)!.push(performance.now() - started);
  if (reply.status !== expect.status) fail(`${name}: ${method} ${target.replace(/[0-9a-f-]{36}/g, ":id")} answered ${reply.status}, expected ${expect.status}`);
  if (expect.location !== undefined && reply.location !== expect.location) fail(`${name}: redirected to ${reply.location}, expected ${expect.location}`);
  return reply;
}

// ---------------------------------------------------------------------------------------------------------------
// The journey

type Files = { photo: Buffer; scan: Buffer; certificate: Buffer };
const TASK_LIST = "/chaperone/application";
const SUBMITTED = "/chaperone/application/submitted";

function dateParts(prefix: string, iso: string): [string, string][] {
  const [y, m, d] = iso.split("-");
  return [
    [`${prefix}Day`, String(Number(d))],
    [`${prefix}Month`, String(Number(m))],
    [`${prefix}Year`, y],
  ];
}

let startCount = 0;
let sendCount = 0;

async function journey(accounts: Accounts, files: Files) {
  const n = await accounts.next();
  const jar = new Jar();
  const today = londonDate();

  const signInPage = await step("sign-in page", "GET", "/sign-in?redirectTo=%2Fchaperone", jar, { status: 200 });
  let csrf = hidden(signInPage.body, "csrf") || fail("sign-in page: no CSRF token in the form");
  await step("sign in", "POST", formAction(signInPage.body) || fail("sign-in page: no form"), jar, { status: 302, location: "/chaperone" }, urlencoded([["csrf", csrf], ["email", `applicant-${n}@load.example`], ["password", PASSWORD], ["redirectTo", "/chaperone"]]));
  const home = await step("chaperone home", "GET", "/chaperone", jar, { status: 200 });
  csrf = hidden(home.body, "csrf") || fail("chaperone home: no CSRF token in the form");
  const startTarget = formAction(home.body) || fail("chaperone home: no start form");

  const start = () => step("start application", "POST", startTarget, jar, { status: 302, location: TASK_LIST }, urlencoded([["csrf", csrf]]));
  if (++startCount % DOUBLE_EVERY === 0) {
    doubleStarts++;
    await Promise.all([start(), start()]);
  } else {
    await start();
  }
  await step("task list", "GET", TASK_LIST, jar, { status: 200 });

  const sections: [string, Body | ((csrf: string) => Body)][] = [
    [
      "personal-details",
      (t) =>
        urlencoded([
          ["csrf", t],
          ["firstName", "Load"],
          ["lastName", `Applicant${n}`],
          ["otherNames", ""],
          ...dateParts("dateOfBirth", "1988-04-17"),
          ["phone", "07700 900982"],
        ]),
    ],
    ["address", (t) => urlencoded([["csrf", t], ["addressLine1", `${n} Load Street`], ["addressLine2", ""], ["town", "Loadtown"], ["postcode", "LD1 2AB"]])],
    ["photo", (t) => multipart([["csrf", t]], [{ name: "photo", filename: "me.png", contentType: "image/png", bytes: files.photo }])],
    [
      "identity",
      (t) =>
        multipart(
          [
            ["csrf", t],
            ["documentTypes", "passport"],
            ["documentTypes", "utility-bill"],
            ["documentTypes", "bank-statement"],
          ],
          [{ name: "scan", filename: "passport.jpg", contentType: "image/jpeg", bytes: files.scan }],
        ),
    ],
    ["dbs", (t) => urlencoded([["csrf", t], ["dbsCertificateNumber", "001234567890"], ...dateParts("dbsIssueDate", addMonths(today, -1)), ["dbsOnUpdateService", "no"]])],
    [
      "referees",
      (t) =>
        urlencoded([
          ["csrf", t],
          ["referee1Name", "Rita Referee"],
          ["referee1Email", `rita-${n}@referees.example`],
          ["referee1Relationship", "Former manager"],
          ["referee2Name", "Ravi Referee"],
          ["referee2Email", `ravi-${n}@referees.example`],
          ["referee2Relationship", "Neighbour for 10 years"],
        ]),
    ],
    [
      "training",
      (t) =>
        multipart(
          [["csrf", t], ...dateParts("trainingDate", addMonths(today, -2)), ["trainingProvider", "Loadshire Council chaperone training"]],
          [{ name: "certificate", filename: "certificate.pdf", contentType: "application/pdf", bytes: files.certificate }],
        ),
    ],
    ["declarations", (t) => urlencoded([["csrf", t], ["hasConvictions", "no"], ["hasOtherCouncilDecisions", "no"], ["declarationConfirmed", "yes"]])],
  ];
  for (const [slug, form] of sections) {
    const page = await step("question page", "GET", `${TASK_LIST}/${slug}`, jar, { status: 200 });
    const token = hidden(page.body, "csrf") || fail(`${slug} page: no CSRF token in the form`);
    const body = typeof form === "function" ? form(token) : form;
    const upload = body.type.startsWith("multipart/");
    const target = formAction(page.body) || fail(`${slug} page: no form`);
    await step(upload ? "save upload" : "save answers", "POST", target, jar, { status: 302, location: TASK_LIST }, body);
    await step("task list", "GET", TASK_LIST, jar, { status: 200 });
  }

  const check = await step("check answers", "GET", `${TASK_LIST}/check`, jar, { status: 200 });
  const applicationId = hidden(check.body, "applicationId") || fail("check answers: no send form (an unfinished section?)");
  const sendForm = urlencoded([["csrf", hidden(check.body, "csrf") ?? ""], ["applicationId", applicationId]]);
  const sendTarget = formAction(check.body) || fail("check answers: no send form");
  const submit = () => step("send application", "POST", sendTarget, jar, { status: 302, location: SUBMITTED }, sendForm);
  const sendNumber = ++sendCount;
  if (sendNumber % DOUBLE_EVERY === 0) {
    doubleSends++;
    await Promise.all([submit(), submit()]);
  } else {
    await submit();
  }
  const confirmation = await step("confirmation", "GET", SUBMITTED, jar, { status: 200 });
  const reference = confirmation.body.match(/<strong>([A-Z]+-CA-\d{4}-\d{6})<\/strong>/)?.[1] ?? fail("confirmation: no reference on the page");
  confirmations.add(reference);

  if (sendNumber % REPLAY_EVERY === 3) {
    // Back to the check page and "Accept and send" again: the same confirmation, nothing sent twice.
    replays++;
    await submit();
    const again = await step("confirmation", "GET", SUBMITTED, jar, { status: 200 });
    const shown = again.body.match(/<strong>([A-Z]+-CA-\d{4}-\d{6})<\/strong>/)?.[1];
    if (shown !== reference) fail(`replayed send: the confirmation showed ${shown}, first ${reference}`);
  }
  journeysDone++;
}

async function virtualUser(accounts: Accounts, files: Files, deadline: number) {
  while (Date.now() < deadline) {
    try {
      await journey(accounts, files);
    } catch (error) {
      if (!(error instanceof JourneyError)) throw error;
      journeysFailed++;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : Number.NaN);
const ms = (v: number) => (Number.isNaN(v) ? "–" : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
const fmt = (v: number) => v.toLocaleString("en-GB");

buildUnlessBuilt();
console.log(`database ${DATABASE} on ${SERVER.host}: made afresh through the migrations`);
const sql = await freshDatabase();
const accounts = new Accounts(sql, await hashPassword(PASSWORD));
await accounts.make(USERS);
const photo = await sharp({ create: { width: 300, height: 400, channels: 3, background: { r: 120, g: 160, b: 200 } } })
  .png()
  .toBuffer();
const scan = await sharp({ create: { width: 600, height: 420, channels: 3, background: { r: 230, g: 225, b: 210 } } })
  .jpeg({ quality: 80 })
  .toBuffer();
const files: Files = { photo, scan, certificate: minimalPdf("Chaperone training certificate") };

const app = startApp();
const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
let appDied = false;
void exited.then(() => {
  appDied = true;
});
try {
  await waitForHealth(Date.now() + 60_000);
  const pid = app.pid!;
  const idleRss = memory(pid, "VmRSS");
  const started = performance.now();
  let peakSampled = idleRss;
  let peakAt = 0;
  const sampler = setInterval(() => {
    if (appDied) return;
    const rss = memory(pid, "VmRSS");
    if (rss > peakSampled) {
      peakSampled = rss;
      peakAt = (performance.now() - started) / 1000;
    }
  }, 200);

  console.log(`load: ${USERS} virtual applicants for ${SECONDS} s against http://127.0.0.1:${PORT} (web pid ${pid}, RSS ${idleRss.toFixed(0)} MB at rest)`);
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: USERS }, async (_, i) => {
      await new Promise((r) => setTimeout(r, (i * 1000) / USERS)); // arrive over the first second
      await virtualUser(accounts, files, deadline);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const peakHwm = appDied ? Number.NaN : memory(pid, "VmHWM");

  const [stored] = await sql<{ submitted: number; references: number; drafts: number; applicants: number; total: number }[]>`
    select count(*) filter (where status = 'submitted')::int as submitted,
           count(distinct reference)::int as references,
           count(*) filter (where status = 'draft')::int as drafts,
           count(distinct applicant_user_id)::int as applicants,
           count(*)::int as total
    from chaperone_applications`;
  const storedReferences = new Set((await sql<{ reference: string }[]>`select reference from chaperone_applications where status = 'submitted'`).map((r) => r.reference));
  const [audit] = await sql<{ n: number }[]>`select count(*)::int as n from audit_events where action = 'chaperone-application.submitted'`;
  const [mail] = await sql<{ applicant: number; referees: number }[]>`
    select count(*) filter (where template = 'chaperone-application-submitted')::int as applicant,
           count(*) filter (where template = 'chaperone-reference-request')::int as referees
    from outbox`;
  const unseen = [...storedReferences].filter((r) => !confirmations.has(r)).length;
  const unstored = [...confirmations].filter((r) => !storedReferences.has(r)).length;
  const matches = stored.submitted === confirmations.size && unseen === 0 && unstored === 0;
  const onceEach = audit.n === stored.submitted && mail.applicant === stored.submitted && mail.referees === 2 * stored.submitted && stored.total === stored.applicants;

  console.log("");
  console.log(`users: ${USERS}; duration: ${SECONDS} s of new journeys, ${elapsed.toFixed(1)} s until the last finished; accounts used: ${fmt(accounts.count)}`);
  console.log(`requests: ${fmt(requests)} (${(requests / elapsed).toFixed(1)} requests/s)`);
  console.log(`errors: ${fmt(errors)}${errors ? ` (${[...failures].map(([reason, count]) => `${count}× ${reason}`).join("; ")})` : ""}`);
  console.log(
    `journeys: ${fmt(journeysDone)} completed, ${fmt(journeysFailed)} abandoned; ${doubleStarts} starts and ${doubleSends} sends double-sent, ${replays} sends replayed`,
  );
  console.log(`confirmations seen: ${fmt(confirmations.size)} distinct references`);
  console.log(
    `applications stored: ${fmt(stored.submitted)} submitted (${stored.drafts} drafts, ${stored.total} in all) ${matches ? "=" : "≠"} ${fmt(confirmations.size)} confirmations${unseen || unstored ? ` (${unseen} stored but never shown, ${unstored} shown but not stored)` : ""}`,
  );
  console.log(
    `sent once each: ${fmt(audit.n)} "submitted" audit rows, ${fmt(mail.applicant)} confirmation emails, ${fmt(mail.referees)} referee emails for ${fmt(stored.submitted)} applications: ${onceEach ? "yes" : "NO"}`,
  );
  for (const name of STEPS) {
    const sorted = latencies.get(name)!.sort((a, b) => a - b);
    console.log(`latency ${name.padEnd(18)} p50 ${ms(percentile(sorted, 50)).padStart(9)}  p95 ${ms(percentile(sorted, 95)).padStart(9)}  p99 ${ms(percentile(sorted, 99)).padStart(9)}  (${fmt(sorted.length)})`);
  }
  console.log(`web process peak memory: ${peakHwm.toFixed(0)} MB (VmHWM; highest RSS sampled ${peakSampled.toFixed(0)} MB, ${peakAt.toFixed(0)} s in; ${idleRss.toFixed(0)} MB at rest; goal < 300 MB)`);
  const ok = errors === 0 && matches && onceEach && !appDied;
  console.log(ok ? "load test passed" : "load test FAILED");
  process.exitCode = ok ? 0 : 1;
} finally {
  app.kill("SIGTERM");
  await exited;
  await sql.end();
  agent.destroy();
}
