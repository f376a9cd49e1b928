import { eq } from "drizzle-orm";
import { children } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { loadOwnChild } from "./access";
import { type ChildDetailsInput, checkChildDetails } from "./childDetails";

/** The parent corrects or updates their child's details; a new photograph or birth certificate replaces the old one. */
export async function changeChildDetails(db: Db, actor: Actor, childId: string, input: ChildDetailsInput, now = new Date()) {
  const child = await loadOwnChild(db, actor, childId);
  const columns = await checkChildDetails(db, actor, input, londonDate(now), child);
  const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((k) => (columns[k] ?? null) !== (child[k] ?? null));
  if (!changed.length) return { childId: child.id, changed };
  await db.transaction(async (tx) => {
    await tx
      .update(children)
      .set({ ...columns, updatedAt: now })
      .where(eq(children.id, child.id));
    await recordAudit(tx, actor, {
      action: "child.changed",
      recordType: "child",
      recordId: child.id,
      before: Object.fromEntries(changed.map((k) => [k, child[k]])),
      after: Object.fromEntries(changed.map((k) => [k, columns[k]])),
    });
  });
  return { childId: child.id, changed };
}
