/** `npm run db:migrate`: applies db/migrations to the configured database. */
import { closeDatabase, openDatabase } from "../app/server/db.server";
import { env } from "../app/server/env.server";

const config = env();
await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
await closeDatabase();
console.log("Migrations applied.");
