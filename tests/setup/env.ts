import { tmpdir } from "node:os";

/** Runs before every test file: a fixed time zone and a known environment, so nothing touches .data/ or a mail provider. */
process.env.TZ = "Europe/London";
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET = "test-session-secret-0123456789abcdefghijklmnop";
// Tests rely on the default idle timeouts (30 minutes for staff, a day for the public) and plain-HTTP cookies.
for (const name of ["STAFF_IDLE_MINUTES", "PUBLIC_IDLE_MINUTES", "APP_URL", "SECURE_COOKIES", "RESEND_API_KEY"]) {
  delete process.env[name];
}
// Development signing certificates go to a scratch folder shared by the test workers, never .data/.
if (!process.env.SIGNING_DIR) process.env.SIGNING_DIR = `${tmpdir()}/clp-test-signing`;
for (const name of Object.keys(process.env).filter((n) => n.startsWith("SIGNING_P12_"))) delete process.env[name];
