/** `npm run db:seed`: adds the demo data to an empty local database (never a remote one). */
import { count } from "drizzle-orm";
import { closeDatabase, openDatabase } from "../app/server/db.server";
import { appUrl, env } from "../app/server/env.server";
import { users } from "./schema/identity";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "./seed-demo";

const config = env();
if (config.DATABASE_URL) {
  const host = new URL(config.DATABASE_URL).hostname;
  if (!["localhost", "127.0.0.1", "::1", ""].includes(host)) {
    console.error(`Refusing to seed demo data into a non-local database (${host}).`);
    process.exit(1);
  }
}
const conn = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
const [{ n }] = await conn.db.select({ n: count() }).from(users);
if (Number(n) > 0) {
  console.log("The database already has accounts; demo data not added.");
} else {
  await seedDemo(conn.db, appUrl());
  console.log(`Demo data added. Password for every demo account: ${DEMO_PASSWORD}`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.email}`);
}
await closeDatabase();
