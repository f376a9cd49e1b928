/**
 * The email provider fails: first it can't be reached at all (connection refused), then it answers 500, drops the
 * connection, and once accepts an email but loses its answer. Deliveries are retried with backoff, every outbox
 * message ends `sent`, and the provider accepted each exactly once (the outbox id is Resend's idempotency key, so
 * the retry after the lost answer is recognised and not sent again).
 */
import { check, FakeEmailProvider, freePort, registerAccount, scenario, step, waitFor } from "./harness";

const MESSAGES = 6;
const DOMAIN = "provider.faults.example";

export default scenario("email-provider-failing", "the email provider refuses, fails and loses answers, then recovers", async (t) => {
  const url = await t.createDatabase();
  const sql = t.sql(url);
  const provider = new FakeEmailProvider(await freePort(3500, 3599));

  step(`start the app with Resend pointed at ${provider.url}, where nothing listens yet`);
  const app = await t.startApp({
    name: "app",
    databaseUrl: url,
    env: { RESEND_API_KEY: "re_faults_provider_test", RESEND_BASE_URL: provider.url },
  });

  step(`queue ${MESSAGES} emails through the registration journey`);
  for (let i = 0; i < MESSAGES; i++) {
    const res = await registerAccount(app, `person${i}@${DOMAIN}`);
    check(`registration ${i + 1} answered 302 (the email is in the outbox)`, res.status === 302, res.status);
  }
  const ids = (await sql<{ id: string }[]>`select id from outbox where "to" like ${`%@${DOMAIN}`} order by created_at`).map((r) => r.id);
  check(`${MESSAGES} outbox messages`, ids.length === MESSAGES, ids.length);

  await waitFor(
    "every message to be tried once against the unreachable provider",
    async () => (await sql`select 1 from outbox where id = any(${ids}) and attempts >= 1`).length === MESSAGES,
    30_000,
  );
  const refused = await sql<{ status: string; attempts: number; last_error: string }[]>`select status, attempts, last_error from outbox where id = any(${ids})`;
  check(
    "each first try failed, was recorded, and left the message pending for a retry",
    refused.every((r) => r.status === "pending" && r.last_error?.startsWith("Error: Resend: ")),
    refused.map((r) => `${r.status} ${r.attempts} ${r.last_error}`),
  );

  step("the provider comes up: its next 4 answers are a 500, an accepted email whose answer is lost (500), a dropped connection, a 500");
  provider.failNext("http-500", "accept-then-500", "reset", "http-500");
  const [{ refusals }] = await sql<{ refusals: number }[]>`select sum(attempts)::int as refusals from outbox where id = any(${ids})`;
  await provider.listen();

  const t0 = Date.now();
  await waitFor("every message to be sent", async () => (await sql`select 1 from outbox where id = any(${ids}) and status = 'sent'`).length === MESSAGES, 120_000, 500);
  check(`every message ended sent, ${((Date.now() - t0) / 1000).toFixed(1)} s after the provider came up`, true);

  const rows = await sql<{ id: string; status: string; attempts: number; provider_id: string }[]>`select id, status, attempts, provider_id from outbox where id = any(${ids})`;
  check("none failed", rows.every((r) => r.status === "sent"));
  check(
    "the provider accepted each message exactly once (one email per idempotency key = outbox id)",
    ids.every((id) => provider.acceptedFor(id) === 1) && provider.emails.length === MESSAGES,
    provider.emails.map((e) => e.key),
  );
  check(
    "each message records the provider's id of its one email",
    rows.every((r) => r.provider_id === provider.emails.find((e) => e.key === r.id)?.id),
  );
  check(
    "every request carried the API key and the outbox id as Idempotency-Key",
    provider.requests.every((r) => r.auth === "Bearer re_faults_provider_test" && !!r.key && ids.includes(r.key)),
  );
  const lost = provider.requests.find((r) => r.outcome === "accept-then-500")!;
  check(
    "the retry after the lost answer was answered from the idempotency key, not sent again",
    provider.requests.some((r) => r.key === lost.key && r.outcome === "replayed"),
    provider.requests.filter((r) => r.key === lost.key).map((r) => r.outcome),
  );
  const attempts = rows.reduce((n, r) => n + r.attempts, 0);
  check(
    `every try was counted: ${attempts} attempts = ${refusals} refused + ${provider.requests.length} requests the provider saw`,
    attempts === refusals + provider.requests.length,
  );
  const gaps = ids.flatMap((id) => {
    const at = provider.requests.filter((r) => r.key === id).map((r) => r.at);
    return at.slice(1).map((t, i) => (t - at[i]) / 1000);
  });
  console.log(`      waits between a message's retries at the provider: ${gaps.map((g) => `${g.toFixed(1)} s`).join(", ")}`);
  check(
    "retries back off: a message's second and third tries were at least 9 s apart (5 s doubling, pg-boss retryBackoff)",
    gaps.length >= 3 && gaps.every((g) => g >= 9),
    gaps,
  );
  await app.stop();
});
