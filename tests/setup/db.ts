/**
 * A fresh database per test file, emptied before each test.
 * With DATABASE_URL set, a uniquely named database on that server (dropped afterwards); otherwise in-memory PGlite.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Connection, type Db, openPglite, openPostgres, setConnection } from "~/server/db.server";

async function createServerDatabase(serverUrl: string) {
  const name = `clp_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 2 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end({ timeout: 2 });
      }
    },
  };
}

export function useTestDatabase(): () => Db {
  let conn: Connection | undefined;
  let drop: (() => Promise<void>) | undefined;
  let truncate = "";

  beforeAll(async () => {
    const serverUrl = process.env.DATABASE_URL;
    if (serverUrl) {
      const created = await createServerDatabase(serverUrl);
      drop = created.drop;
      conn = await openPostgres(created.url);
    } else {
      conn = await openPglite();
    }
    setConnection(conn);
    const { rows } = await conn.executeSql("select tablename from pg_tables where schemaname = 'public' order by tablename");
    const tables = (rows as { tablename: string }[]).map((r) => `"public"."${r.tablename}"`);
    truncate = tables.length ? `TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE` : "";
  });

  beforeEach(async () => {
    if (truncate) await conn!.executeSql(truncate);
  });

  afterAll(async () => {
    setConnection(undefined);
    await conn?.close();
    await drop?.();
  });

  return () => {
    if (!conn) throw new Error("useTestDatabase: the database is opened in beforeAll");
    return conn.db;
  };
}
