/**
 * `npm test`: every check in order, stopping at the first failure with its exit code.
 *   types (tsc) → lint (biome) → unit + integration (vitest) → build → end-to-end (Playwright).
 * On PGlite unless DATABASE_URL is set (then that database is used by the integration and e2e layers).
 * Extra arguments go to Playwright, e.g. `npm test -- tests/e2e/csrf-rejected.spec.ts`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const env: Record<string, string | undefined> = { ...process.env, TZ: "Europe/London", FORCE_COLOR: process.env.FORCE_COLOR ?? "1" };
const timings: { name: string; seconds: number; ok: boolean }[] = [];
const startedAt = Date.now();

function summary() {
  console.log("\nTest summary:");
  for (const t of timings) console.log(`  ${t.ok ? "ok  " : "FAIL"} ${t.name.padEnd(12)} ${t.seconds.toFixed(1).padStart(6)} s`);
  console.log(`  total        ${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s`);
}

function step(name: string, command: string, args: string[], extraEnv: Record<string, string> = {}) {
  console.log(`\n▶ ${name}: ${[path.basename(command), ...args].join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } as NodeJS.ProcessEnv });
  const ok = result.status === 0;
  timings.push({ name, seconds: (Date.now() - started) / 1000, ok });
  if (!ok) {
    summary();
    if (result.error) console.error(`\n${name} could not run: ${result.error.message}`);
    else console.error(`\n${name} failed${result.signal ? ` (${result.signal})` : ` with exit code ${result.status}`}.`);
    process.exit(result.status || 1);
  }
}

function isDebian() {
  try {
    return /^ID(_LIKE)?=.*debian/m.test(readFileSync("/etc/os-release", "utf8"));
  } catch {
    return false;
  }
}

/** The Chromium Playwright drives: CHROMIUM_PATH or Debian's /usr/bin/chromium, installed with apt when root. */
function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  if (process.getuid?.() === 0 && isDebian()) {
    console.log("\nChromium is missing: installing Debian's chromium package…");
    const started = Date.now();
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env: aptEnv });
    const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: aptEnv }) : update;
    timings.push({ name: "chromium", seconds: (Date.now() - started) / 1000, ok: install.status === 0 });
    if (install.status === 0 && existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  summary();
  console.error(
    "\nNo Chromium found for the end-to-end tests. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) " +
      "or set CHROMIUM_PATH to a Chromium or Chrome executable. Do not use `npx playwright install`.",
  );
  process.exit(1);
}

const playwrightArgs = process.argv.slice(2);

step("types", bin("tsc"), ["--noEmit"]);
step("lint", bin("biome"), ["lint", "."]);
step("vitest", bin("vitest"), ["run"]);
step("build", "npm", ["run", "build", "--silent"]);
const chromium = findChromium();
step("e2e", bin("playwright"), ["test", ...playwrightArgs], { CHROMIUM_PATH: chromium });
summary();
