/**
 * Two app processes on different ports share one database, both running the job worker. Emails come from real
 * registrations on either port, from outbox rows whose job was lost (only the outbox sweep, a recurring schedule,
 * can find them) and from rows given three delivery jobs each (as a sweep racing a worker would): every message is
 * delivered exactly once, both processes do some of the work, and the one-minute sweep runs once a minute, not once
 * per process. Then delivery itself is raced: many deliverEmail calls for the same message at the same moment, on
 * PostgreSQL, send it once (the row is claimed with FOR UPDATE SKIP LOCKED).
 */
import PgBoss from "pg-boss";
import { templates } from "#emails/index";
import { deliverEmail } from "~/domain/notifications/deliverEmail";
import { openPostgres } from "~/server/db.server";
import { check, FakeEmailProvider, freePort, onCleanup, registerAccount, scenario, step, waitFor } from "./harness";

const FROM = "Child licensing <no-reply@licensing.example.gov.uk>";
const JOURNEYS = 6;
const LOST = 4;
const BULK = 20;
const JOBS_EACH = 3;
const props = templates["confirm-email"].previewProps;

export default scenario("two-app-processes", "two app processes share one database: each job runs once", async (t) => {
  const url = await t.createDatabase();
  const sql = t.sql(url);

  step("migrate, then leave outbox messages whose delivery job was lost (created 5 minutes ago, never tried)");
  await (await openPostgres(url)).close();
  const lost = await sql<{ id: string }[]>`
    insert into outbox ("to", template, props, created_at)
    select 'lost' || g || '@two.faults.example', 'confirm-email', ${sql.json(props)}, now() - interval '5 minutes'
    from generate_series(1, ${LOST}) g returning id`;

  const provider = new FakeEmailProvider(await freePort(3500, 3599));
  await provider.listen();
  step("start two app processes at once on the same database, each with its own Resend key (to tell them apart)");
  const startedAt = new Date();
  const [a, b] = await Promise.all(
    ["a", "b"].map((name) =>
      t.startApp({ name: `app ${name}`, databaseUrl: url, env: { RESEND_API_KEY: `re_process_${name}`, RESEND_BASE_URL: provider.url } }),
    ),
  );
  check(`both processes are up (ports ${new URL(a.url).port} and ${new URL(b.url).port})`, !a.exited && !b.exited);

  step(`${JOURNEYS} registrations, alternating between the two ports`);
  for (let i = 0; i < JOURNEYS; i++) {
    const res = await registerAccount(i % 2 ? b : a, `journey${i}@two.faults.example`);
    check(`registration ${i + 1} on ${i % 2 ? "b" : "a"} answered 302`, res.status === 302, res.status);
  }

  step(`${BULK} more messages, each given ${JOBS_EACH} delivery jobs`);
  const bulk = await sql<{ id: string }[]>`
    insert into outbox ("to", template, props)
    select 'bulk' || g || '@two.faults.example', 'confirm-email', ${sql.json(props)} from generate_series(1, ${BULK}) g returning id`;
  const boss = new PgBoss({ connectionString: url, max: 2, supervise: false, schedule: false, migrate: false });
  boss.on("error", () => {});
  await boss.start();
  onCleanup("pg-boss client", () => boss.stop({ graceful: false, wait: false }));
  await boss.insert(bulk.flatMap(({ id }) => Array.from({ length: JOBS_EACH }, () => ({ name: "deliver-email", data: { outboxId: id }, retryLimit: 5, retryDelay: 5, retryBackoff: true }))));

  const all = (await sql<{ id: string }[]>`select id from outbox where "to" like '%@two.faults.example'`).map((r) => r.id);
  check(`${JOURNEYS + LOST + BULK} messages in the outbox`, all.length === JOURNEYS + LOST + BULK, all.length);
  const t0 = Date.now();
  await waitFor("every message to be sent", async () => (await sql`select 1 from outbox where id = any(${all}) and status = 'sent'`).length === all.length, 90_000, 500);
  check(`every message sent (${((Date.now() - t0) / 1000).toFixed(1)} s)`, true);
  const lostIds = lost.map((r) => r.id);
  const [{ lostJobs }] = await sql<{ lostJobs: number }[]>`
    select count(*)::int as "lostJobs" from pgboss.job where name = 'deliver-email' and data->>'outboxId' = any(${lostIds})`;
  check(`the ${LOST} messages whose job was lost were sent too: the sweep gave them ${lostJobs} jobs`, lostJobs >= LOST, lostJobs);

  check(
    "each message reached the provider exactly once: one request, one email, per outbox id",
    all.every((id) => provider.requests.filter((r) => r.key === id).length === 1 && provider.acceptedFor(id) === 1),
    all.map((id) => provider.requests.filter((r) => r.key === id).length).filter((n) => n !== 1),
  );
  check("no email the outbox didn't ask for", provider.emails.length === all.length, provider.emails.length);
  const byProcess = { a: provider.requests.filter((r) => r.auth === "Bearer re_process_a").length, b: provider.requests.filter((r) => r.auth === "Bearer re_process_b").length };
  check(`both processes delivered (a: ${byProcess.a}, b: ${byProcess.b})`, byProcess.a > 0 && byProcess.b > 0, byProcess);
  const attempts = await sql<{ n: number }[]>`select count(*)::int as n from outbox where id = any(${all}) and attempts <> 1`;
  check("every message took one attempt", attempts[0].n === 0, attempts[0].n);
  const [{ jobs }] = await sql<{ jobs: number }[]>`select count(*)::int as jobs from pgboss.job where name = 'deliver-email' and state = 'completed'`;
  check(
    `the duplicate jobs did run (${jobs} delivery jobs completed for ${all.length} messages) and found their message already sent or claimed`,
    jobs >= JOURNEYS + LOST + BULK * JOBS_EACH,
    jobs,
  );
  // pg-boss fires a schedule once when the workers start and then once each minute, across all processes; a
  // schedule run by each process would fire twice as often.
  const [{ sweeps, allowed }] = await sql<{ sweeps: number; allowed: number }[]>`
    select count(*)::int as sweeps,
      1 + (floor(extract(epoch from now()) / 60) - floor(extract(epoch from ${startedAt}::timestamptz) / 60))::int as allowed
    from pgboss.job where name = 'sweep-outbox' and created_on >= ${startedAt}::timestamptz`;
  check(`the one-minute outbox sweep ran ${sweeps} time(s) for both processes together: at most once at start and once a minute (≤ ${allowed})`, sweeps >= 1 && sweeps <= allowed, {
    sweeps,
    allowed,
  });

  step("race delivery itself: 6 deliverEmail calls at once for each of 5 messages, against a provider taking 300 ms");
  const conn = await openPostgres(url);
  onCleanup("race connection", () => conn.close());
  const slow = new FakeEmailProvider(await freePort(3500, 3599));
  slow.delayMs = 300;
  await slow.listen();
  process.env.RESEND_BASE_URL = slow.url;
  const raced = await sql<{ id: string }[]>`
    insert into outbox ("to", template, props) select 'race' || g || '@two.faults.example', 'confirm-email', ${sql.json(props)}
    from generate_series(1, 5) g returning id`;
  const outcomes = await Promise.allSettled(raced.flatMap(({ id }) => Array.from({ length: 6 }, () => deliverEmail(conn.db, id, "re_race", FROM))));
  check("all 30 calls returned without an error", outcomes.every((o) => o.status === "fulfilled"), outcomes.filter((o) => o.status === "rejected").map((o) => String((o as PromiseRejectedResult).reason)));
  check("the provider got one request per message (5, not 30)", slow.requests.length === 5 && raced.every(({ id }) => slow.acceptedFor(id) === 1), slow.requests.length);

  step("the same race into the local mailbox (no RESEND_API_KEY)");
  const local = await sql<{ id: string }[]>`
    insert into outbox ("to", template, props) select 'local' || g || '@two.faults.example', 'confirm-email', ${sql.json(props)}
    from generate_series(1, 5) g returning id`;
  const localIds = local.map((r) => r.id);
  await Promise.all(localIds.flatMap((id) => Array.from({ length: 6 }, () => deliverEmail(conn.db, id, undefined, FROM))));
  const perMessage = await sql<{ n: number }[]>`select count(m.id)::int as n from outbox o left join mailbox m on m.outbox_id = o.id where o.id = any(${localIds}) group by o.id`;
  check("one mailbox row per message (mailbox rows per outbox id = 1)", perMessage.length === 5 && perMessage.every((r) => r.n === 1), perMessage);
  const states = await sql<{ status: string; attempts: number }[]>`select status, attempts from outbox where id = any(${[...localIds, ...raced.map((r) => r.id)]})`;
  check("each raced message is sent after one attempt", states.every((s) => s.status === "sent" && s.attempts === 1), states);

  await Promise.all([a.stop(), b.stop()]);
});
