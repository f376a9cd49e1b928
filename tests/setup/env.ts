/** Runs before every test file: a fixed time zone and a known environment, so nothing touches .data/ or a mail provider. */
process.env.TZ = "Europe/London";
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET = "test-session-secret-0123456789abcdefghijklmnop";
// Tests rely on the default idle timeouts (30 minutes for staff, a day for the public) and plain-HTTP cookies.
for (const name of ["STAFF_IDLE_MINUTES", "PUBLIC_IDLE_MINUTES", "APP_URL", "SECURE_COOKIES", "RESEND_API_KEY"]) {
  delete process.env[name];
}
