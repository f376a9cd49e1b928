import { and, desc, eq, inArray } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { children } from "#db/schema/children";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { organisationScope } from "../identity/capabilities";
import { isEmployerPartComplete, isOccupation } from "./application";
import { OCCUPATION_LABELS } from "./rules";
import { PERMIT_STATUS_COLOURS, PERMIT_STATUS_LABELS } from "./states";

/** Where a draft is up to, for the dashboards. */
export function nextStep(p: typeof employmentPermits.$inferSelect) {
  if (p.status !== "draft") return null;
  if (!p.organisationId) return p.inviteTokenHash ? "Waiting for the employer" : "Ask the employer";
  if (!p.parentUserId) return p.inviteTokenHash ? "Waiting for the parent" : "Ask the parent";
  if (!isEmployerPartComplete(p)) return "Employer's part to complete";
  if (!p.parentPartCompletedAt) return "Waiting for the parent";
  return "Ready to send";
}

/** Every permit application and permit of the employer's organisations (or one of them), newest first. */
export async function listEmployerPermits(db: Db, actor: Actor, { organisationId }: { organisationId?: string } = {}) {
  const scope = organisationScope(actor, "employer:use").filter((id) => !organisationId || id === organisationId);
  if (!scope.length) return [];
  const rows = await db
    .select({ permit: employmentPermits, firstName: children.firstName, lastName: children.lastName, organisationName: organisations.name })
    .from(employmentPermits)
    .innerJoin(organisations, eq(organisations.id, employmentPermits.organisationId))
    .leftJoin(children, eq(children.id, employmentPermits.childId))
    .where(and(inArray(employmentPermits.organisationId, scope)))
    .orderBy(desc(employmentPermits.createdAt), desc(employmentPermits.id));
  return rows.map(({ permit: p, ...r }) => ({
    id: p.id,
    childName: r.firstName ? `${r.firstName} ${r.lastName}` : null,
    organisationName: r.organisationName,
    businessName: p.businessName,
    job: isOccupation(p.occupation) ? OCCUPATION_LABELS[p.occupation] : null,
    startDate: p.startDate,
    status: p.status,
    statusLabel: PERMIT_STATUS_LABELS[p.status],
    statusColour: PERMIT_STATUS_COLOURS[p.status],
    reference: p.reference,
    endsOn: p.endsOn,
    nextStep: nextStep(p),
  }));
}
