/**
 * The fault-test harness: a private PostgreSQL cluster that a scenario may stop and start, app processes (the built
 * app through scripts/start.ts, as in production) that it may start, stop and kill on a database, a fake email
 * provider, and checks that print what they proved. A scenario is one file exporting `scenario(...)`; see run.ts.
 *
 * Everything started here is registered for cleanup and removed at the end, also on failure or Ctrl-C.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { WEB_ENV, webProcessArgs } from "../../scripts/web-command";

const ROOT = path.resolve(import.meta.dirname, "../..");

// ---------------------------------------------------------------------------------------------------------------
// Checks and steps

export class CheckFailed extends Error {}

let checksPassed = 0;
export const passedChecks = () => checksPassed;

/** One assertion, printed when it holds; a failure stops the scenario with the message and what was seen. */
export function check(what: string, ok: boolean, seen?: unknown): void {
  if (!ok) throw new CheckFailed(`${what}${seen === undefined ? "" : `\n      seen: ${typeof seen === "string" ? seen : JSON.stringify(seen)}`}`);
  checksPassed++;
  console.log(`    ✓ ${what}`);
}

const started = Date.now();
/** A line saying what the scenario does next, with the time since the run began. */
export function step(what: string) {
  console.log(`  · ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns a value that isn't false/undefined/null; throws with `what` after the timeout. */
export async function waitFor<T>(what: string, probe: () => Promise<T | false | undefined | null> | T | false | undefined | null, timeoutMs = 30_000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== false && value !== undefined && value !== null) return value as T;
    } catch (error) {
      last = error;
    }
    await sleep(intervalMs);
  }
  throw new CheckFailed(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ""}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Cleanup

const cleanups: { what: string; run: () => Promise<void> | void }[] = [];

/** Runs `run` at the end of the whole run (last registered, first run), whatever happened. */
export function onCleanup(what: string, run: () => Promise<void> | void) {
  cleanups.push({ what, run });
  return () => {
    const i = cleanups.findIndex((c) => c.run === run);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

export async function cleanUp() {
  while (cleanups.length) {
    const { what, run } = cleanups.pop()!;
    try {
      await run();
    } catch (error) {
      console.error(`  cleanup (${what}) failed: ${(error as Error).message}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ports

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

/** The first free port from `from` (the fault tests use 3500–3599 and 55432+). */
export async function freePort(from: number, to = from + 99): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (taken.has(port)) continue;
    taken.add(port); // before the check, so calls made at the same time get different ports
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}
const taken = new Set<number>();

// ---------------------------------------------------------------------------------------------------------------
// A private PostgreSQL cluster

function postgresBinDir(): string {
  const fromConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const candidates = [process.env.PG_BIN_DIR, fromConfig.status === 0 ? fromConfig.stdout.trim() : undefined];
  if (existsSync("/usr/lib/postgresql")) {
    for (const v of readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a))) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  }
  const dir = candidates.find((d) => d && existsSync(path.join(d, "initdb")) && existsSync(path.join(d, "pg_ctl")));
  if (!dir) throw new Error("PostgreSQL server binaries (initdb, pg_ctl) not found: install postgresql or set PG_BIN_DIR");
  return dir;
}

/**
 * A throwaway cluster in a temporary folder, on its own port and socket folder, that scenarios may stop (as an outage)
 * and start again. PostgreSQL refuses to run as root, so as root its programs run as the `postgres` user.
 */
export class PostgresCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
    private readonly runAs: string | null,
  ) {}

  static async create(port?: number): Promise<PostgresCluster> {
    const bin = postgresBinDir();
    const runAs = process.getuid?.() === 0 ? "postgres" : null;
    const dir = mkdtempSync(path.join(tmpdir(), "clp-faults-pg-"));
    const cluster = new PostgresCluster(dir, port ?? (await freePort(Number(process.env.FAULTS_PG_PORT ?? 55432), 55531)), bin, runAs);
    onCleanup("private PostgreSQL cluster", () => cluster.destroy());
    if (runAs) {
      const uid = Number(execFileSync("id", ["-u", runAs], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", runAs], { encoding: "utf8" }).trim());
      chownSync(dir, uid, gid);
      chmodSync(dir, 0o700);
    }
    cluster.run("initdb", ["-D", cluster.dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
    // Speed over durability: this cluster lives for one run. Sockets in our own folder, TCP on loopback only.
    const conf = [
      `port = ${cluster.port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "max_connections = 100",
      "shared_buffers = 64MB",
      "log_min_messages = warning",
    ].join("\n");
    cluster.run("sh", ["-c", `cat >> '${cluster.dataDir}/postgresql.conf' <<'EOF'\n${conf}\nEOF`], false);
    await cluster.start();
    return cluster;
  }

  get dataDir() {
    return path.join(this.dir, "data");
  }

  /** postgres://… for a database on this cluster. */
  url(database = "postgres") {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private run(program: string, args: string[], fromBin = true) {
    const command = fromBin ? path.join(this.bin, program) : program;
    const [file, argv] = this.runAs ? ["runuser", ["-u", this.runAs, "--", command, ...args]] : [command, args];
    const result = spawnSync(file, argv, { encoding: "utf8", cwd: this.dir });
    if (result.status !== 0) throw new Error(`${program} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
    return result.stdout;
  }

  async start() {
    this.run("pg_ctl", ["-D", this.dataDir, "-l", path.join(this.dir, "server.log"), "-w", "-t", "30", "start"]);
  }

  /** `fast` ends every session cleanly (clients see 57P01); `immediate` is a crash (recovery on the next start). */
  async stop(mode: "fast" | "immediate" = "fast") {
    this.run("pg_ctl", ["-D", this.dataDir, "-m", mode, "-w", "-t", "30", "stop"]);
  }

  running() {
    try {
      this.run("pg_ctl", ["-D", this.dataDir, "status"]);
      return true;
    } catch {
      return false;
    }
  }

  /** A new empty database; returns its URL. */
  async createDatabase(name: string) {
    const admin = postgres(this.url(), { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end({ timeout: 2 });
    }
    return this.url(name);
  }

  async destroy() {
    if (existsSync(path.join(this.dataDir, "postmaster.pid"))) {
      try {
        this.run("pg_ctl", ["-D", this.dataDir, "-m", "immediate", "-w", "-t", "10", "stop"]);
      } catch {
        // already stopped
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// App processes

/** Environment variables of the developer's shell that must not leak into the app under test. */
const APP_VARIABLES = /^(DATABASE_URL|PORT|APP_URL|APP_ENV|SESSION_SECRET|RESEND_.*|SEED_DEMO|RUN_WORKER|PGLITE_DIR|SAFEGUARDING_.*|EMAIL_FROM)$/;
const SESSION_SECRET = randomBytes(36).toString("base64url");

export type AppOptions = { name: string; databaseUrl: string; port: number; env?: Record<string, string> };

/**
 * One app process as `npm start` runs it (scripts/web-command.ts) with `--no-build`: production mode, web and job worker. Started
 * directly under node (no tsx wrapper process), so kill() really is a kill -9 of the app.
 */
export class AppProcess {
  readonly url: string;
  private child!: ChildProcess;
  private output: string[] = [];
  private exit!: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited = false;

  private constructor(readonly options: AppOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  /** Starts the app and waits for /healthz to answer 200. */
  static async start(options: AppOptions, timeoutMs = 60_000): Promise<AppProcess> {
    const app = new AppProcess(options);
    app.spawn();
    await app.waitHealthy(timeoutMs);
    return app;
  }

  private spawn() {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !APP_VARIABLES.test(k)));
    const { databaseUrl, port, env = {} } = this.options;
    this.child = spawn(process.execPath, webProcessArgs("--no-build"), {
      cwd: ROOT,
      env: {
        ...inherited,
        ...WEB_ENV,
        NODE_ENV: "production",
        TZ: "Europe/London",
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        APP_URL: this.url,
        SESSION_SECRET,
        SEED_DEMO: "false",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.exited = false;
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    this.child.stdout!.on("data", keep);
    this.child.stderr!.on("data", keep);
    this.exit = new Promise((resolve) =>
      this.child.once("exit", (code, signal) => {
        this.exited = true;
        resolve({ code, signal });
      }),
    );
    const forget = onCleanup(`app ${this.options.name}`, async () => void (await this.kill()));
    void this.exit.then(forget);
  }

  get pid() {
    return this.child.pid;
  }

  /** What the process printed (the last few hundred chunks). */
  logs() {
    return this.output.join("");
  }

  async waitHealthy(timeoutMs = 60_000) {
    await waitFor(
      `${this.options.name} to answer /healthz with 200`,
      async () => {
        if (this.exited) throw new CheckFailed(`${this.options.name} exited while starting:\n${this.logs().slice(-3000)}`);
        const res = await fetch(`${this.url}/healthz`).catch(() => null);
        return res?.status === 200;
      },
      timeoutMs,
      200,
    ).catch((error) => {
      if (error instanceof CheckFailed && this.exited) throw error;
      throw new CheckFailed(`${(error as Error).message}\n${this.logs().slice(-3000)}`);
    });
  }

  /** SIGTERM, as a deployment would; resolves when the process has exited (SIGKILL after `graceMs`). */
  async stop(graceMs = 8_000) {
    if (this.exited) return this.exit;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), graceMs);
    const result = await this.exit;
    clearTimeout(timer);
    return result;
  }

  /** kill -9: no shutdown code runs. */
  async kill() {
    if (this.exited) return this.exit;
    this.child.kill("SIGKILL");
    return this.exit;
  }

  /** Starts the same app again (same port, database and environment) and waits for it to be healthy. */
  async restart(timeoutMs = 60_000) {
    if (!this.exited) await this.stop();
    this.spawn();
    await this.waitHealthy(timeoutMs);
  }
}

/** Builds the app when the sources are newer than build/ (one build for all the processes a run starts). */
export function ensureBuilt() {
  const newest = (target: string): number => {
    if (!existsSync(target)) return 0;
    const stat = statSync(target);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(0, ...readdirSync(target).map((name) => newest(path.join(target, name))));
  };
  const at = (p: string) => path.join(ROOT, p);
  const built = newest(at("build/index.js"));
  const sources = Math.max(...["app", "db/schema", "emails", "remix.config.js", "package-lock.json"].map((p) => newest(at(p))));
  if (built && built >= sources && existsSync(at("public/assets"))) return false;
  // Other runs on this machine may build at the same time: one at a time (flock where it exists).
  const hasFlock = spawnSync("sh", ["-c", "command -v flock"], { stdio: "ignore" }).status === 0;
  const [cmd, args] = hasFlock ? ["flock", ["/tmp/clp-build.lock", "npm", "run", "build", "--silent"]] : ["npm", ["run", "build", "--silent"]];
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error("the build failed");
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

export type Answer = { status: number; headers: Headers; body: string; ms: number };

/** One request, redirects not followed; a refused connection is status 0. */
export async function request(url: string, init: RequestInit = {}): Promise<Answer> {
  const t0 = Date.now();
  try {
    const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(15_000), ...init });
    return { status: res.status, headers: res.headers, body: await res.text(), ms: Date.now() - t0 };
  } catch (error) {
    return { status: 0, headers: new Headers(), body: String((error as Error).cause ?? error), ms: Date.now() - t0 };
  }
}

/** A form post as a browser sends it, with a matching CSRF cookie and field (the app's double-submit check). */
export function formPost(url: string, fields: Record<string, string | string[]>, extraCookie = ""): Promise<Answer> {
  const token = randomBytes(32).toString("base64url");
  const body = new URLSearchParams();
  body.append("csrf", token);
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
  return request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: [`clp_csrf=${token}`, extraCookie].filter(Boolean).join("; "), Accept: "text/html" },
    body,
  });
}

/** A new account through the real registration journey (which queues a confirmation email). */
export async function registerAccount(app: { url: string }, email: string) {
  const password = `fault test ${randomBytes(4).toString("hex")} password`;
  return formPost(`${app.url}/register`, { name: "Fault Test", email, password, confirmPassword: password, roles: "parent" });
}

/** Text that must never reach a browser: a stack trace or an internal error. */
export function leaksInternals(body: string) {
  return /\n\s+at .+\(.+:\d+:\d+\)|node_modules|Unexpected Server Error|ECONNREFUSED|CONNECTION_|PostgresError|Failed query/i.test(body);
}

// ---------------------------------------------------------------------------------------------------------------
// A fake email provider (Resend's POST /emails, with its idempotency keys)

export type ProviderFault = "http-500" | "accept-then-500" | "reset";
export type ProviderRequest = { at: number; key: string | null; auth: string; to: string; subject: string; outcome: ProviderFault | "accepted" | "replayed" };
export type ProviderEmail = { id: string; key: string | null; auth: string; to: string; subject: string; at: number };

/**
 * Answers `POST /emails` like Resend: 200 `{id}` for a new email; for an `Idempotency-Key` it has seen (24 hours at
 * Resend) the first answer again, without a new email. `emails` is what it would have delivered. Faults queued with
 * `failNext` apply to the next requests in turn: a 500 (nothing accepted), a 500 after accepting (the answer is lost),
 * or a dropped connection. Not listening at all is a refused connection.
 */
export class FakeEmailProvider {
  readonly requests: ProviderRequest[] = [];
  readonly emails: ProviderEmail[] = [];
  private byKey = new Map<string, ProviderEmail>();
  private faults: ProviderFault[] = [];
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  delayMs = 0;

  constructor(readonly port: number) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  failNext(...faults: ProviderFault[]) {
    this.faults.push(...faults);
  }

  async listen() {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.once("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", resolve);
    });
    this.server = server;
    onCleanup(`fake email provider :${this.port}`, () => this.close());
  }

  async close() {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Emails accepted for an idempotency key (1 when it was delivered exactly once). */
  acceptedFor(key: string) {
    return this.emails.filter((e) => e.key === key).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || req.url !== "/emails") {
      res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ name: "not_found", message: "Not found", statusCode: 404 }));
      return;
    }
    let payload: { to?: string | string[]; subject?: string; from?: string; html?: string };
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      res.writeHead(422, { "Content-Type": "application/json" }).end(JSON.stringify({ name: "validation_error", message: "Invalid JSON", statusCode: 422 }));
      return;
    }
    if (this.delayMs) await sleep(this.delayMs);
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const base = { at: Date.now(), key, auth: String(req.headers.authorization ?? ""), to: String(payload.to), subject: String(payload.subject) };
    const fault = this.faults.shift();
    if (fault === "reset") {
      this.requests.push({ ...base, outcome: fault });
      req.socket.destroy();
      return;
    }
    if (fault === "http-500") {
      this.requests.push({ ...base, outcome: fault });
      res.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ name: "internal_server_error", message: "Internal server error", statusCode: 500 }));
      return;
    }
    const seen = key ? this.byKey.get(key) : undefined;
    const email = seen ?? { id: randomBytes(16).toString("hex"), ...base };
    if (!seen) {
      this.emails.push(email);
      if (key) this.byKey.set(key, email);
    }
    this.requests.push({ ...base, outcome: fault ?? (seen ? "replayed" : "accepted") });
    if (fault === "accept-then-500") {
      res.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ name: "internal_server_error", message: "Internal server error", statusCode: 500 }));
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: email.id }));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

export type ScenarioContext = {
  /** The run's private cluster: stop and start it to make an outage. */
  cluster: PostgresCluster;
  /** A fresh database on the cluster for this scenario; returns its URL. */
  createDatabase(suffix?: string): Promise<string>;
  /** Starts an app process on the database and waits for /healthz (ports from 3500 up unless given). */
  startApp(options: { name: string; databaseUrl: string; port?: number; env?: Record<string, string> }): Promise<AppProcess>;
  /** A postgres.js client on the URL, ended at cleanup. */
  sql(url: string): postgres.Sql;
};

export type Scenario = { name: string; title: string; run(ctx: ScenarioContext): Promise<void> };

export function scenario(name: string, title: string, run: (ctx: ScenarioContext) => Promise<void>): Scenario {
  return { name, title, run };
}

export function contextFor(cluster: PostgresCluster, scenarioName: string): ScenarioContext {
  let databases = 0;
  return {
    cluster,
    createDatabase: (suffix) => cluster.createDatabase(`faults_${scenarioName.replace(/\W/g, "_")}_${suffix ?? ++databases}`),
    startApp: async ({ port, ...rest }) => AppProcess.start({ ...rest, port: port ?? (await freePort(3500, 3599)) }),
    sql(url) {
      const client = postgres(url, { max: 4, onnotice: () => {} });
      onCleanup("database client", () => client.end({ timeout: 2 }));
      return client;
    },
  };
}

/** Writes text beside the run's output (e.g. a screenshot's path) for a person to look at. */
export function artefact(name: string, content: string | Buffer) {
  const dir = path.join(ROOT, "test-results", "faults");
  rmSync(path.join(dir, name), { force: true });
  spawnSync("mkdir", ["-p", dir]);
  writeFileSync(path.join(dir, name), content);
  return path.relative(ROOT, path.join(dir, name));
}
