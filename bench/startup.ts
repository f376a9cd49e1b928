/**
 * `npm run bench`: time from `npm start` to a 200 from /healthz, on a fresh PGlite directory
 * (initdb, migrations, demo seed) and again on the existing one; then the time to stop on SIGTERM.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { WEB_ENV, webProcessArgs } from "../scripts/web-command";
import { rmSync } from "node:fs";

const PORT = 3390;
const DIR = ".data/bench-pglite";

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://localhost:${PORT}/healthz`);
      if (res.status === 200) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function run(label: string) {
  const started = Date.now();
  const env = { ...process.env, PORT: String(PORT), PGLITE_DIR: DIR, ...WEB_ENV } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, webProcessArgs(), {
    env,
    stdio: process.env.BENCH_VERBOSE ? "inherit" : "ignore",
  });
  const exited = new Promise((r) => child.once("exit", r));
  const ok = await waitForHealth(started + 60_000);
  const ready = Date.now() - started;
  const stopAt = Date.now();
  child.kill("SIGTERM");
  await exited;
  const stopped = Date.now() - stopAt;
  if (!ok) throw new Error(`${label}: not healthy within 60 s`);
  console.log(`${label.padEnd(22)} ready in ${(ready / 1000).toFixed(2)} s, stopped in ${(stopped / 1000).toFixed(2)} s`);
}

rmSync(DIR, { recursive: true, force: true });
await run("start (fresh PGlite)");
await run("start (existing PGlite)");
rmSync(DIR, { recursive: true, force: true });
