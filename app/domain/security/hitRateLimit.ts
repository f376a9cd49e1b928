import { sql } from "drizzle-orm";
import { rateLimits } from "#db/schema/documents";
import type { Db } from "~/server/db.server";

/** Counts a request in a fixed window; true when the key is over its limit. */
export async function hitRateLimit(db: Db, key: string, limit: number, windowSeconds: number, now = new Date()) {
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  return row.count > limit;
}
