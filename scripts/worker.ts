/** `npm run worker`: a job-queue worker without the web server, for scaling out on PostgreSQL. */
import { closeDatabase, openDatabase } from "../app/server/db.server";
import { env } from "../app/server/env.server";
import { jobHandlers } from "../app/server/job-handlers.server";
import { startJobs, stopJobs } from "../app/server/jobs.server";

const config = env();
if (!config.DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL: with embedded PGlite, npm start runs the worker itself.");
  process.exit(1);
}
const conn = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
await startJobs(conn, { work: true, handlers: jobHandlers() });
console.log("Worker running. Press Ctrl-C to stop.");
const stop = async () => {
  await stopJobs();
  await closeDatabase();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
