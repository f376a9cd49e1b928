import { and, desc, eq } from "drizzle-orm";
import { children } from "#db/schema/children";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { isOccupation } from "./application";
import { nextStep } from "./listEmployerPermits";
import { OCCUPATION_LABELS } from "./rules";
import { PERMIT_STATUS_COLOURS, PERMIT_STATUS_LABELS } from "./states";

/** The parent's permit applications and permits for their children (or one child), newest first. */
export async function listParentPermits(db: Db, actor: Actor, { childId }: { childId?: string } = {}) {
  if (!actor.userId) return [];
  const rows = await db
    .select({ permit: employmentPermits, firstName: children.firstName, lastName: children.lastName })
    .from(employmentPermits)
    .innerJoin(children, eq(children.id, employmentPermits.childId))
    .where(and(eq(employmentPermits.parentUserId, actor.userId), eq(children.parentUserId, actor.userId), childId ? eq(children.id, childId) : undefined))
    .orderBy(desc(employmentPermits.createdAt), desc(employmentPermits.id));
  return rows.map(({ permit: p, ...r }) => {
    const step = nextStep(p);
    return {
      id: p.id,
      childId: p.childId!,
      childName: `${r.firstName} ${r.lastName}`,
      businessName: p.businessName,
      job: isOccupation(p.occupation) ? OCCUPATION_LABELS[p.occupation] : null,
      startDate: p.startDate,
      status: p.status,
      statusLabel: PERMIT_STATUS_LABELS[p.status],
      statusColour: PERMIT_STATUS_COLOURS[p.status],
      reference: p.reference,
      endsOn: p.endsOn,
      // in the parent's words
      nextStep: step === "Ask the parent" ? null : step === "Waiting for the parent" ? "Your part to confirm" : step,
    };
  });
}
