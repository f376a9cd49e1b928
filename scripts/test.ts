/**
 * `npm test`: every check in order, stopping at the first failure with its exit code.
 *   types (tsc) → lint (biome) → unit + integration + fuzz (vitest) → build → end-to-end (Playwright).
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

/** System tools the tests use, and the Debian package that provides each. */
const TOOLS = [
  { command: "pdfsig", pkg: "poppler-utils", why: "checks PDF signatures" },
  { command: "pdftotext", pkg: "poppler-utils", why: "reads text from PDFs" },
  { command: "pdftoppm", pkg: "poppler-utils", why: "renders PDFs to images" },
  { command: "zbarimg", pkg: "zbar-tools", why: "decodes QR codes" },
];

function onPath(command: string) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/**
 * Finds the browser and the PDF/QR tools; as root on Debian, installs whatever is missing with apt
 * (Debian's chromium, never `npx playwright install`); otherwise stops with one clear instruction.
 */
function ensureSystemTools(): string {
  const chromiumCandidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].filter(Boolean) as string[];
  const chromiumFound = () => chromiumCandidates.find((p) => existsSync(p)) ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const missing = new Set(TOOLS.filter((t) => !onPath(t.command)).map((t) => t.pkg));
  if (!chromiumFound()) missing.add("chromium");
  if (missing.size && process.getuid?.() === 0 && isDebian()) {
    console.log(`\nInstalling missing test tools from Debian: ${[...missing].join(", ")}…`);
    const started = Date.now();
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env: aptEnv });
    const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env: aptEnv }) : update;
    timings.push({ name: "apt", seconds: (Date.now() - started) / 1000, ok: install.status === 0 });
  }
  const stillMissing = [...new Set([...TOOLS.filter((t) => !onPath(t.command)).map((t) => t.pkg), ...(chromiumFound() ? [] : ["chromium"])])];
  if (stillMissing.length) {
    summary();
    console.error(
      `\nThe tests need ${stillMissing.join(", ")}. Install them (Debian/Ubuntu: \`sudo apt-get install -y ${stillMissing.join(" ")}\`)` +
        " or set CHROMIUM_PATH to a Chromium or Chrome executable. Do not use `npx playwright install`.",
    );
    process.exit(1);
  }
  return chromiumFound()!;
}

const playwrightArgs = process.argv.slice(2);

const chromium = ensureSystemTools();
step("types", bin("tsc"), ["--noEmit"]);
step("lint", bin("biome"), ["lint", "."]);
// Every form is fuzzed with a short run here; `npm run test:fuzz` (in CI) gives each form its full 500 inputs.
step("vitest", bin("vitest"), ["run"], { FUZZ_FORM_RUNS: process.env.FUZZ_FORM_RUNS ?? "25" });
step("build", "npm", ["run", "build", "--silent"]);
step("e2e", bin("playwright"), ["test", ...playwrightArgs], { CHROMIUM_PATH: chromium });
summary();
