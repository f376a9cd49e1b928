/**
 * `npm run test:faults [name…]`: the fault scenarios against real PostgreSQL, one after another, on one private
 * cluster (never the shared server on 5432). Builds the app first if the sources changed. Prints each check, then
 * one line per scenario with its time, and ends with "N passed, N failed".
 */
import databaseRestart from "./database-restart";
import emailProviderFailing from "./email-provider-failing";
import { CheckFailed, cleanUp, contextFor, ensureBuilt, PostgresCluster, passedChecks, type Scenario } from "./harness";
import killDuringBulkGrant from "./kill-during-bulk-grant";
import twoAppProcesses from "./two-app-processes";

const SCENARIOS: Scenario[] = [databaseRestart, emailProviderFailing, twoAppProcesses, killDuringBulkGrant];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !SCENARIOS.some((s) => s.name === w));
if (unknown.length) {
  console.error(`Unknown scenario ${unknown.join(", ")}; choose from: ${SCENARIOS.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
const chosen = wanted.length ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: cleaning up…`);
    void cleanUp().then(() => process.exit(130));
  });
}

const t0 = Date.now();
const results: { name: string; ok: boolean; seconds: number }[] = [];
try {
  if (ensureBuilt()) console.log("Built the app.");
  const cluster = await PostgresCluster.create();
  console.log(`Private PostgreSQL cluster on 127.0.0.1:${cluster.port} (${cluster.dir}), ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (const s of chosen) {
    console.log(`\n▶ ${s.name}: ${s.title}`);
    const started = Date.now();
    let ok = true;
    try {
      if (!cluster.running()) await cluster.start();
      await s.run(contextFor(cluster, s.name));
    } catch (error) {
      ok = false;
      console.error(`    ✗ ${error instanceof CheckFailed ? error.message : (error as Error).stack}`);
    }
    results.push({ name: s.name, ok, seconds: (Date.now() - started) / 1000 });
    console.log(`  ${ok ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} catch (error) {
  console.error(`\nThe fault tests could not run: ${(error as Error).stack}`);
  results.push({ name: "set-up", ok: false, seconds: 0 });
} finally {
  await cleanUp();
}

const failed = results.filter((r) => !r.ok).length;
console.log("\nFault tests:");
for (const r of results) console.log(`  ${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(24)} ${r.seconds.toFixed(1).padStart(6)} s`);
console.log(`  ${passedChecks()} checks held, total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
