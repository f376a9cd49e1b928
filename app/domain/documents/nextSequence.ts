import { sql } from "drizzle-orm";
import { documentSequences } from "#db/schema/documents";
import type { Db } from "~/server/db.server";

/**
 * The next number for an authority, kind and year. Call inside the transaction that uses it: the counter row
 * stays locked until commit, so concurrent callers queue and a rolled-back number is reused — no gaps, no repeats.
 */
export async function nextSequence(tx: Db, authorityId: string, kind: string, year: number) {
  const [{ lastValue }] = await tx
    .insert(documentSequences)
    .values({ authorityId, kind, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [documentSequences.authorityId, documentSequences.kind, documentSequences.year],
      set: { lastValue: sql`${documentSequences.lastValue} + 1` },
    })
    .returning({ lastValue: documentSequences.lastValue });
  return lastValue;
}
