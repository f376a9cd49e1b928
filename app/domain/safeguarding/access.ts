import { and, eq } from "drizzle-orm";
import { concerns, ladoCaseMembers, ladoReferrals } from "#db/schema/safeguarding";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { authorityScope } from "../identity/capabilities";

/** The authorities whose concerns and referrals the actor handles as LADO. */
export const ladoScope = (actor: Actor) => authorityScope(actor, "lado:use");

export const CONCERN_RECORD = "concern";

/**
 * A concern and its referral, for the LADO of its authority or someone the LADO added to the case; for anyone
 * else it does not exist. `lock` takes the row for a change.
 */
export async function findCase(tx: Db, actor: Actor, reference: string, { lock = false } = {}) {
  const query = tx.select().from(concerns).leftJoin(ladoReferrals, eq(ladoReferrals.concernId, concerns.id)).where(eq(concerns.reference, reference));
  const [row] = lock ? await query.for("update", { of: concerns }) : await query;
  if (!row || !actor.userId) throw new NotFoundError("Concern");
  const isLado = ladoScope(actor).includes(row.concerns.authorityId);
  let isMember = false;
  if (!isLado && row.lado_referrals) {
    const [member] = await tx
      .select({ userId: ladoCaseMembers.userId })
      .from(ladoCaseMembers)
      .where(and(eq(ladoCaseMembers.referralId, row.lado_referrals.id), eq(ladoCaseMembers.userId, actor.userId)));
    isMember = !!member;
  }
  if (!isLado && !isMember) throw new NotFoundError("Concern");
  return { concern: row.concerns, referral: row.lado_referrals, isLado };
}

/** Only the authority's LADO changes a case; people added to it may read it. */
export async function findCaseToChange(tx: Db, actor: Actor, reference: string) {
  const found = await findCase(tx, actor, reference, { lock: true });
  if (!found.isLado) throw new NotFoundError("Concern");
  return found;
}
