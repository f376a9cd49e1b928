import { eq } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { children } from "#db/schema/children";
import { employmentPermits } from "#db/schema/employment";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import { hashToken } from "../identity/tokens";
import { isOccupation, type PermitRow } from "./application";
import type { Party } from "./permitParty";
import { OCCUPATION_LABELS } from "./rules";

/** A plausible emailed token (base64url of 32 bytes); anything else is not looked up. */
const PERMIT_INVITE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The draft behind an emailed link, or null when the link is unknown, replaced, used or past its 14 days. */
export async function permitForInvite(db: Db, token: string, now: Date, options: { lock?: boolean } = {}): Promise<PermitRow | null> {
  if (!PERMIT_INVITE_TOKEN.test(token)) return null;
  const query = db.select().from(employmentPermits).where(eq(employmentPermits.inviteTokenHash, hashToken(token)));
  const [permit] = options.lock ? await query.for("update") : await query;
  if (permit?.status !== "draft" || !permit.inviteExpiresAt || permit.inviteExpiresAt <= now) return null;
  return permit;
}

/** Who a link invites: the parent when the employer started, the employer when the parent did. */
export const invitedParty = (permit: Pick<PermitRow, "startedBy">): Party => (permit.startedBy === "employer" ? "parent" : "employer");

/**
 * What the emailed link shows before anyone signs in: who is asking and for which job (the child's first name
 * only), or that the link no longer works. A used link has had its hash cleared, so it reads as expired.
 */
export async function describePermitInvitation(db: Db, token: string, now = new Date()) {
  const permit = await permitForInvite(db, token, now);
  if (!permit) return { state: "expired" as const };
  const [[organisation], [child], [parent]] = await Promise.all([
    permit.organisationId ? db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, permit.organisationId)) : [],
    permit.childId ? db.select({ firstName: children.firstName }).from(children).where(eq(children.id, permit.childId)) : [],
    permit.parentUserId ? db.select({ name: users.name }).from(users).where(eq(users.id, permit.parentUserId)) : [],
  ]);
  return {
    state: "open" as const,
    invites: invitedParty(permit),
    businessName: permit.businessName ?? organisation?.name ?? null,
    job: isOccupation(permit.occupation) ? OCCUPATION_LABELS[permit.occupation] : null,
    startDate: permit.startDate,
    childFirstName: child?.firstName ?? null,
    parentName: parent?.name ?? null,
    expiresAt: permit.inviteExpiresAt!.toISOString(),
  };
}
