import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { RECEIVER_SECRET, RECEIVER_URL } from "./tests/e2e/safeguarding-receiver";

/**
 * Layer 3: journeys in Debian's Chromium against the built app, started fresh for every run.
 * PGlite (default): a throwaway data dir, removed first, seeded with the demo accounts on start.
 * DATABASE_URL set: that (fresh, empty) database, seeded because SEED_DEMO=true.
 */
const PORT = Number(process.env.E2E_PORT ?? 3300);
const baseURL = `http://localhost:${PORT}`;
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const databaseUrl = process.env.DATABASE_URL;
const pgliteDir = `.data/e2e-pglite-${PORT}`;

// Email must land in the local mailbox the tests read, never a real provider.
const unset = "unset RESEND_API_KEY APP_URL;";
const command = databaseUrl
  ? `${unset} exec node_modules/.bin/tsx scripts/start.ts`
  : `${unset} unset DATABASE_URL; rm -rf ${pgliteDir} && exec node_modules/.bin/tsx scripts/start.ts`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One folder per port, so concurrent runs on other ports do not wipe each other's results.
  outputDir: `test-results/port-${PORT}`,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command,
    url: `${baseURL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 6_000 },
    env: {
      PORT: String(PORT),
      NODE_ENV: "production",
      // not APP_ENV=production: the tests read the development mailbox
      APP_ENV: "local",
      TZ: "Europe/London",
      RUN_WORKER: "true",
      // Northmere's case management system is the test receiver; a failed delivery is retried after 1 s
      SAFEGUARDING_WEBHOOK_URL_NMC: RECEIVER_URL,
      SAFEGUARDING_WEBHOOK_SECRET_NMC: RECEIVER_SECRET,
      SAFEGUARDING_RETRY_DELAY_SECONDS: "1",
      ...(databaseUrl
        ? {
            DATABASE_URL: databaseUrl,
            SEED_DEMO: "true",
            // required in production with a server database; any 32+ characters do for a test run
            SESSION_SECRET: process.env.SESSION_SECRET || randomBytes(36).toString("base64url"),
          }
        : { PGLITE_DIR: pgliteDir, SEED_DEMO: "true" }),
    },
  },
});
