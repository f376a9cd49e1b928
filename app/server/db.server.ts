import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "#db/schema/index";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export { schema };

export type SqlResult = { rows: unknown[]; rowCount: number };

export type Connection = {
  kind: "pglite" | "postgres";
  db: Db;
  /** Raw SQL for pg-boss on PGlite; undefined values run as a multi-statement script. */
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  url?: string;
};

const MIGRATIONS = path.resolve(process.cwd(), "db/migrations");

// One connection per process, shared by the Remix build and the start script.
const holder = globalThis as unknown as { __clpConnection?: Connection };

export function db(): Db {
  const conn = holder.__clpConnection;
  if (!conn) throw new Error("Database is not open: call openDatabase() at start-up");
  return conn.db;
}

export function connection(): Connection | undefined {
  return holder.__clpConnection;
}

export function setConnection(conn: Connection | undefined) {
  holder.__clpConnection = conn;
}

export async function openPglite(dir?: string): Promise<Connection> {
  // Loaded only when used: PGlite's WebAssembly PostgreSQL costs ~40 MB a process on a real server too.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  if (dir) mkdirSync(dir, { recursive: true });
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  const orm = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  await migratePglite(orm as never, { migrationsFolder: MIGRATIONS });
  return {
    kind: "pglite",
    db: orm,
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        const last = results[results.length - 1];
        return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
      }
      const r = await client.query(text, values as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async ping() {
      try {
        await client.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
}

export async function openPostgres(url: string): Promise<Connection> {
  // Migrate on one reserved connection under an advisory lock, so several processes can start at once.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(727001)`;
    await migratePostgres(drizzlePostgres({ client: migrator, casing: "snake_case" }), { migrationsFolder: MIGRATIONS });
    await migrator`select pg_advisory_unlock(727001)`;
  } finally {
    await migrator.end({ timeout: 1 });
  }
  // Reconnect within a second while the server is down (postgres.js's default backoff grows to 20 s between tries,
  // which holds every request that long before its 503 and delays recovery as long after the server is back).
  const client = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 5, backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1) });
  const orm = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    kind: "postgres",
    url,
    db: orm,
    async executeSql(text, values) {
      const r = values?.length ? await client.unsafe(text, values as never[]) : await client.unsafe(text);
      return { rows: [...r], rowCount: r.count };
    },
    async ping() {
      try {
        await Promise.race([client`select 1`, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000))]);
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.end({ timeout: 2 }),
  };
}

/** Opens the database named by the environment (PostgreSQL if DATABASE_URL is set, otherwise embedded PGlite). */
export async function openDatabase(opts: { databaseUrl?: string; pgliteDir: string }): Promise<Connection> {
  const conn = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.pgliteDir);
  setConnection(conn);
  return conn;
}

export async function closeDatabase() {
  const conn = holder.__clpConnection;
  holder.__clpConnection = undefined;
  if (conn) await conn.close();
}

/** postgres.js and Node socket codes for "the database can't be reached right now". */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/**
 * True when the error (or anything it wraps: drizzle's `cause`, an AggregateError's `errors`) says the database is
 * unreachable or refusing work for now: a socket that can't connect or was cut, or SQLSTATE class 08 (connection
 * exception), 57P01–57P03 (shut down, crashed, starting up) or 53300 (too many connections). A query that is simply
 * wrong is not an outage.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === "53300") return true;
  }
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  const nested = [cause, ...(Array.isArray(errors) ? errors : [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
