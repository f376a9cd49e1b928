/**
 * `npm run bench:bulk-grant`: an officer grants a 40-child production's licences together (each checked, signed,
 * registered, audited and its emails queued and sent to the job queue), on the PostgreSQL server in a fresh
 * database. Three productions, one after another. Goal: under 5 s for 40 children.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createProductionCast } from "../db/factories-licences";
import { actorFor, createAuthority, createOrganisation, createUser } from "../tests/factories";
import { grantProductionLicences } from "../app/domain/licences/grantProductionLicences";
import { LICENCE_STANDARD_CONDITIONS } from "../app/domain/licences/rules";
import { closeDatabase, openDatabase } from "../app/server/db.server";
import { startJobs, stopJobs } from "../app/server/jobs.server";

process.env.SIGNING_DIR ??= mkdtempSync(path.join(tmpdir(), "clp-bench-signing-"));
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432";
const SIZE = Number(process.env.BENCH_CAST ?? 40);
const ROUNDS = 3;
const name = "clp_bench_bulk";

const admin = postgres(`${SERVER}/postgres`, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.unsafe(`create database ${name}`);
await admin.end();

const conn = await openDatabase({ databaseUrl: `${SERVER}/${name}`, pgliteDir: "" });
await startJobs(conn, { work: false, handlers: { "deliver-email": async () => {} } });
const db = conn.db;
const north = await createAuthority(db, { code: "NMC", name: "Northmere Council" });
const company = await createOrganisation(db, { kind: "producer", name: "Footlights Productions Ltd" });
const producer = await createUser(db, { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
const officerUser = await createUser(db, { name: "Olive Officer", memberships: [{ role: "officer", authorityId: north.id }] });
const officer = actorFor(officerUser, [{ role: "officer", authorityId: north.id }]);
const conditions = LICENCE_STANDARD_CONDITIONS.map((c) => c.id);

async function grantCast(round: number, size: number) {
  const { production, applications } = await createProductionCast(db, {
    authorityId: north.id,
    organisationId: company.id,
    producerUserId: producer.id,
    size,
    title: `Cinderella ${round}`,
    firstNumber: round * 1000 + 1,
  });
  const started = performance.now();
  const { granted, notGranted } = await grantProductionLicences(
    db,
    officer,
    production.id,
    { applicationIds: applications.map((a) => a.id), standardConditions: conditions },
    "http://localhost:3000",
  );
  const s = (performance.now() - started) / 1000;
  if (granted.length !== size || notGranted.length) throw new Error(`Round ${round}: granted ${granted.length} of ${size}: ${JSON.stringify(notGranted)}`);
  return s;
}

// The first grant after start also creates the council's development signing certificate (a real council's exists).
const warm = await grantCast(0, 5);
console.log(`warm-up: 5 licences in ${warm.toFixed(2)} s (first use: the council's signing certificate is made)`);
const seconds: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const s = await grantCast(round, SIZE);
  seconds.push(s);
  console.log(`round ${round}: ${SIZE} licences granted in ${s.toFixed(2)} s (${((s * 1000) / SIZE).toFixed(0)} ms each)`);
}
seconds.sort((a, b) => a - b);
console.log(`bulk grant of a ${SIZE}-child production: median ${seconds[1].toFixed(2)} s, worst ${seconds[ROUNDS - 1].toFixed(2)} s (goal < 5 s)`);

await stopJobs();
await closeDatabase();
