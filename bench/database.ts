/**
 * `npm run bench:database` (after `npm run bench:seed`): latency of the database-backed checks and pages, at
 * national scale and at 1%, on the PostgreSQL server.
 *   - exemption check (the child's days on record + EXEMPT-*) and schedule check (an application's days + HOURS-*),
 *     p50/p95, with 10,000 and 1,000,000 performance days. Goal: the larger no more than 1.5× the smaller.
 *   - the officer's queue page and a child's performance record with 200,000 applications. Goal: p95 < 50 ms.
 */
import { asc, eq } from "drizzle-orm";
import { scheduleDays } from "../db/schema/licences";
import type { Actor } from "../app/domain/actor";
import { daysOnRecord } from "../app/domain/exemptions/daysOnRecord";
import { listChildPerformanceDays } from "../app/domain/exemptions/listChildPerformanceDays";
import { checkExemption } from "../app/domain/exemptions/rules";
import { checkSchedule } from "../app/domain/hours/rules";
import { listLicenceQueue } from "../app/domain/licences/listLicenceQueue";
import { hoursDays } from "../app/domain/licences/officerSchedule";
import { type Connection, openPostgres } from "../app/server/db.server";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432";
const RUNS = Number(process.env.BENCH_N ?? 400);
const id = (prefix: string, i: number) => `${prefix}-0000-0000-0000-${String(i).padStart(12, "0")}`;

async function time(fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 30; i++) await fn(i); // warm up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn(i * 7919);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(RUNS / 2)], p95: samples[Math.floor(RUNS * 0.95)] };
}

async function counts(conn: Connection) {
  const { rows } = await conn.executeSql(
    "select (select count(*) from performance_days)::int as days, (select count(*) from performance_applications)::int as applications, (select count(*) from children)::int as children",
  );
  return rows[0] as { days: number; applications: number; children: number };
}

async function measure(conn: Connection) {
  const db = conn.db;
  const size = await counts(conn);
  const exemption = await time(async (i) => {
    const childId = id("40000000", i % size.children);
    const dates = ["2026-03-14", "2026-03-15"];
    const onRecord = await daysOnRecord(db, childId, dates);
    return checkExemption({
      child: { dateOfBirth: "2014-05-01" },
      performance: { dates, paid: false, absenceFromSchool: false, broadcast: false, organiserHoldsBopa: false, arrangedBySchool: false },
      previousPerformanceDates: onRecord.map((d) => d.date),
    });
  });
  const schedule = await time(async (i) => {
    const applicationId = id("50000000", i % size.applications);
    const days = await db.select().from(scheduleDays).where(eq(scheduleDays.applicationId, applicationId)).orderBy(asc(scheduleDays.date));
    return checkSchedule({ child: { dateOfBirth: "2014-05-01" }, nightWorkPermitted: false, days: hoursDays(days) });
  });
  const officer = (a: number): Actor => ({
    userId: id("11000000", a),
    name: "Bench Officer",
    ip: null,
    memberships: [{ id: "bench", role: "officer", authorityId: id("00000000", a), organisationId: null, schoolId: null, }],
  });
  const queue = await time(async (i) => listLicenceQueue(db, officer(i % 10)));
  const record = await time(async (i) => {
    const child = i % size.children;
    const parent: Actor = { userId: id("10000000", child % Math.max(1, Math.round(size.children / 2))), name: "Bench Parent", ip: null, memberships: [] };
    return listChildPerformanceDays(db, parent, id("40000000", child));
  });
  const [{ n: open }] = (
    await conn.executeSql("select count(*)::int as n from performance_applications where authority_id = $1 and status <> 'draft'", [id("00000000", 0)])
  ).rows as { n: number }[];
  return { size, exemption, schedule, queue, record, queueRows: open };
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
const small = await openPostgres(`${SERVER}/clp_bench_small`);
const smallFigures = await measure(small);
await small.close();
const large = await openPostgres(`${SERVER}/clp_bench`);
const largeFigures = await measure(large);
await large.close();

for (const [label, f] of [
  ["1% data set", smallFigures],
  ["national data set", largeFigures],
] as const) {
  console.log(`${label}: ${f.size.days.toLocaleString("en-GB")} performance days, ${f.size.applications.toLocaleString("en-GB")} applications`);
  console.log(`  exemption check      p50 ${ms(f.exemption.p50)}  p95 ${ms(f.exemption.p95)}`);
  console.log(`  schedule check       p50 ${ms(f.schedule.p50)}  p95 ${ms(f.schedule.p95)}`);
  console.log(`  officer queue page   p50 ${ms(f.queue.p50)}  p95 ${ms(f.queue.p95)}  (one council: ${f.queueRows.toLocaleString("en-GB")} applications)`);
  console.log(`  child's record page  p50 ${ms(f.record.p50)}  p95 ${ms(f.record.p95)}`);
}
const ratio = (a: number, b: number) => (a / b).toFixed(2);
console.log(`exemption check p95, national ÷ 1%: ${ratio(largeFigures.exemption.p95, smallFigures.exemption.p95)} (goal ≤ 1.5)`);
console.log(`schedule check p95, national ÷ 1%: ${ratio(largeFigures.schedule.p95, smallFigures.schedule.p95)} (goal ≤ 1.5)`);
console.log(`officer queue p95 at national scale: ${ms(largeFigures.queue.p95)} (goal < 50 ms)`);
console.log(`child's record p95 at national scale: ${ms(largeFigures.record.p95)} (goal < 50 ms)`);
process.exit(0);
