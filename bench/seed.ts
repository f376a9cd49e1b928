/**
 * `npm run bench:seed`: a national-scale data set on the PostgreSQL server, through the real schema (the app's
 * migrations), in set-based SQL so it takes minutes: 10 authorities, 100,000 children, 1,000,000 performance days,
 * 200,000 performance licence applications in every state (2 schedule days each), 20,000 chaperone approvals.
 * Also a small copy with 1% of everything (10,000 performance days) for the benchmarks' comparison.
 *
 *   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432) names the server; the databases are
 *   clp_bench (scale 1) and clp_bench_small (scale 0.01), dropped and made again.
 */
import postgres from "postgres";
import { closeDatabase, openPostgres } from "../app/server/db.server";
import { PERFORMANCE_APPLICATION_STATUSES } from "../db/schema/licences";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432";
export const BENCH_DATABASES = { large: `${SERVER}/clp_bench`, small: `${SERVER}/clp_bench_small` };

const SIZES = { authorities: 10, organisations: 500, productions: 5_000, parents: 50_000, children: 100_000, performanceDays: 1_000_000, applications: 200_000, chaperones: 20_000 };

async function recreate(name: string) {
  const admin = postgres(`${SERVER}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
}

/** Fills one database at `scale` (1 = national). Every row goes through the app's tables, constraints and indexes. */
async function fill(url: string, scale: number) {
  const n = Object.fromEntries(Object.entries(SIZES).map(([k, v]) => [k, k === "authorities" ? v : Math.max(1, Math.round(v * scale))])) as typeof SIZES;
  const conn = await openPostgres(url); // runs the migrations
  await conn.close();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const step = async (label: string, text: string) => {
    const t = performance.now();
    await sql.unsafe(text);
    console.log(`  ${label.padEnd(28)} ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s`);
  };
  const statuses = `array[${PERFORMANCE_APPLICATION_STATUSES.map((s) => `'${s}'`).join(",")}]`;
  await step(
    "authorities",
    `insert into authorities (id, code, name, postcode_districts)
     select ('00000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, 'BA' || i, 'Bench Council ' || i, array['B' || i]
     from generate_series(0, ${n.authorities - 1}) i`,
  );
  await step(
    "users (parents, officers)",
    `insert into users (id, email, name, password_hash, email_confirmed_at)
     select ('10000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, 'parent' || i || '@bench.example', 'Parent ' || i, 'scrypt$bench', now()
     from generate_series(0, ${n.parents - 1}) i
     union all
     select ('11000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, 'officer' || i || '@bench.example', 'Officer ' || i, 'scrypt$bench', now()
     from generate_series(0, ${n.authorities - 1}) i`,
  );
  await step(
    "officer memberships",
    `insert into memberships (user_id, role, authority_id)
     select ('11000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, 'officer', ('00000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid
     from generate_series(0, ${n.authorities - 1}) i`,
  );
  await step(
    "organisations",
    `insert into organisations (id, name, kind)
     select ('20000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, 'Company ' || i, 'producer' from generate_series(0, ${n.organisations - 1}) i`,
  );
  await step(
    "productions",
    `insert into productions (id, organisation_id, title, kind, paid, broadcast, venue_name, venue_postcode, host_authority_id, first_date, last_date, created_by_user_id)
     select ('30000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid,
            ('20000000-0000-0000-0000-' || lpad((i % ${n.organisations})::text, 12, '0'))::uuid,
            'Production ' || i, 'theatre', i % 2 = 0, false, 'Venue ' || i, 'B' || (i % ${n.authorities}) || ' 1AA',
            ('00000000-0000-0000-0000-' || lpad((i % ${n.authorities})::text, 12, '0'))::uuid,
            date '2024-01-01' + (i % 1000), date '2024-01-01' + (i % 1000) + 30,
            ('10000000-0000-0000-0000-' || lpad((i % ${n.parents})::text, 12, '0'))::uuid
     from generate_series(0, ${n.productions - 1}) i`,
  );
  await step(
    "children",
    `insert into children (id, parent_user_id, first_name, last_name, date_of_birth, address_line1, town, postcode, home_authority_id)
     select ('40000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid,
            ('10000000-0000-0000-0000-' || lpad((i % ${n.parents})::text, 12, '0'))::uuid,
            'Child' || i, 'Bench', date '2008-09-01' + (i % 3650), i || ' High Street', 'Benchtown', 'B' || (i % ${n.authorities}) || ' 2BB',
            ('00000000-0000-0000-0000-' || lpad((i % ${n.authorities})::text, 12, '0'))::uuid
     from generate_series(0, ${n.children - 1}) i`,
  );
  await step(
    "performance days",
    `insert into performance_days (child_id, date, basis, production_title, organiser_name, authority_id)
     select ('40000000-0000-0000-0000-' || lpad((i % ${n.children})::text, 12, '0'))::uuid,
            date '2024-01-01' + ((i * 37) % 1460), 'licence', 'Production ' || (i % ${n.productions}), 'Company ' || (i % ${n.organisations}),
            ('00000000-0000-0000-0000-' || lpad((i % ${n.authorities})::text, 12, '0'))::uuid
     from generate_series(0, ${n.performanceDays - 1}) i`,
  );
  // Each application is a distinct (production, child) pair: child i % children, production shifted per round.
  await step(
    "applications",
    `insert into performance_applications (id, production_id, organisation_id, child_id, authority_id, status, reference, late, submitted_at, decided_at)
     select ('50000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid,
            ('30000000-0000-0000-0000-' || lpad(((i % ${n.children} + (i / ${n.children}) * 7) % ${n.productions})::text, 12, '0'))::uuid,
            ('20000000-0000-0000-0000-' || lpad((((i % ${n.children} + (i / ${n.children}) * 7) % ${n.productions}) % ${n.organisations})::text, 12, '0'))::uuid,
            ('40000000-0000-0000-0000-' || lpad((i % ${n.children})::text, 12, '0'))::uuid,
            ('00000000-0000-0000-0000-' || lpad(((i % ${n.children}) % ${n.authorities})::text, 12, '0'))::uuid,
            (${statuses})[1 + i % ${PERFORMANCE_APPLICATION_STATUSES.length}],
            case when i % ${PERFORMANCE_APPLICATION_STATUSES.length} = 0 then null else 'BA-PA-' || lpad(i::text, 7, '0') end,
            i % 11 = 0,
            case when i % ${PERFORMANCE_APPLICATION_STATUSES.length} = 0 then null else timestamptz '2024-01-01' + ((i % 1000) || ' days')::interval end,
            case when i % ${PERFORMANCE_APPLICATION_STATUSES.length} in (5, 6, 8) then timestamptz '2024-01-15' + ((i % 1000) || ' days')::interval end
     from generate_series(0, ${n.applications - 1}) i`,
  );
  await step(
    "schedule days",
    `insert into schedule_days (application_id, date, arrive, depart, performing, breaks, chaperone)
     select ('50000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, date '2024-02-01' + (i % 1000) + d, '17:30', '21:00',
            '[{"start":"19:00","end":"20:30"}]'::jsonb, '[{"start":"18:00","end":"18:45","kind":"meal"}]'::jsonb, 'parent'
     from generate_series(0, ${n.applications - 1}) i, generate_series(0, 1) d`,
  );
  await step(
    "chaperone approvals",
    `insert into issued_documents (authority_id, kind, reference, year, sequence, holder_name, holder_initials, valid_from, valid_to, sha256, pdf, signer_fingerprint, specimen, issued_by_name, issued_by_role, content)
     select ('00000000-0000-0000-0000-' || lpad((i % ${n.authorities})::text, 12, '0'))::uuid, 'chaperone-licence',
            'BA' || (i % ${n.authorities}) || '-CL-2026-' || lpad(i::text, 6, '0'), 2026, i, 'Chaperone ' || i, 'C. ' || i,
            date '2025-01-01' + (i % 365), date '2028-01-01' + (i % 365), md5(i::text) || md5((i + 1)::text), '\\x00'::bytea, 'bench', true, 'Bench Officer', 'Licensing officer', '{}'::jsonb
     from generate_series(0, ${n.chaperones - 1}) i`,
  );
  await step("vacuum analyze", "vacuum analyze");
  await sql.end();
  return n;
}

const started = performance.now();
for (const [label, url, scale] of [
  ["clp_bench_small (1%)", BENCH_DATABASES.small, 0.01],
  ["clp_bench (national)", BENCH_DATABASES.large, 1],
] as const) {
  console.log(`${label}:`);
  await recreate(new URL(url).pathname.slice(1));
  const n = await fill(url, scale);
  console.log(`  = ${n.children.toLocaleString("en-GB")} children, ${n.performanceDays.toLocaleString("en-GB")} performance days, ${n.applications.toLocaleString("en-GB")} applications, ${n.chaperones.toLocaleString("en-GB")} chaperones`);
}
await closeDatabase();
console.log(`bench:seed took ${((performance.now() - started) / 1000).toFixed(0)} s`);
