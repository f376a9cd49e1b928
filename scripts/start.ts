/**
 * `npm start`: build if needed, open the database (PGlite in .data/ unless DATABASE_URL is set), migrate,
 * seed demo data on a fresh PGlite (or when SEED_DEMO=true), start the job worker, then serve.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { asc, count } from "drizzle-orm";
import { issuedDocuments } from "../db/schema/documents";
import { users } from "../db/schema/identity";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "../db/seed-demo";
import { closeDatabase, openDatabase } from "../app/server/db.server";
import { appUrl, env, servedOverHttps } from "../app/server/env.server";
import { jobHandlers } from "../app/server/job-handlers.server";
import { startJobs, stopJobs } from "../app/server/jobs.server";
import { createApp, createHttpServer, directPages } from "./http";

process.env.TZ ||= "Europe/London";
process.env.NODE_ENV ||= "production";
const started = Date.now();

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

function ensureBuilt() {
  const built = newestMtime("build/index.js");
  const sources = Math.max(...["app", "db/schema", "emails", "remix.config.js", "package-lock.json"].map(newestMtime));
  if (built && built >= sources && existsSync("public/assets")) return;
  console.log(built ? "Sources changed: rebuilding…" : "Building the portal…");
  const result = spawnSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("The build failed.");
    process.exit(1);
  }
}

let config: ReturnType<typeof env>;
try {
  config = env();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

if (!process.argv.includes("--no-build")) ensureBuilt();

const conn = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
const [{ n }] = await conn.db.select({ n: count() }).from(users);
const seed = conn.kind === "pglite" ? Number(n) === 0 && config.SEED_DEMO !== "false" : config.SEED_DEMO === "true" && Number(n) === 0;
if (seed) await seedDemo(conn.db, appUrl());

const demoDocuments = await conn.db
  .select({ reference: issuedDocuments.reference })
  .from(issuedDocuments)
  .orderBy(asc(issuedDocuments.issuedAt))
  .limit(5);

await startJobs(conn, { work: config.RUN_WORKER === "true", handlers: jobHandlers() });

const buildPath = path.resolve("build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
const production = config.NODE_ENV === "production";
const baseUrl = appUrl();
const options = { build, production, baseUrl, https: servedOverHttps() };
const app = createApp(options);

const server = createHttpServer(app, options.https, directPages(app, options)).listen(config.PORT, () => {
  const where = conn.kind === "pglite" ? `embedded PGlite in ${config.PGLITE_DIR}` : "PostgreSQL (DATABASE_URL)";
  console.log(`\nChild licensing portal running at ${baseUrl} (${where}), ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (Number(n) > 0 || seed) {
    console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.email}`);
  }
  if (demoDocuments.length) {
    console.log("\nDemo documents (open to verify; sign in as the officer, producer or parent to download):");
    for (const d of demoDocuments) console.log(`  ${baseUrl}/verify/${d.reference}`);
  }
  console.log("\nPress Ctrl-C to stop.");
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  setTimeout(() => process.exit(0), 4500).unref();
  server.close();
  server.closeAllConnections();
  await stopJobs().catch(() => {});
  await closeDatabase().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
