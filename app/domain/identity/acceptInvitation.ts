import { and, eq, gt, isNull } from "drizzle-orm";
import { invitations, memberships, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { hashPassword } from "./passwords";
import { hashToken } from "./tokens";

import { EXPIRED_INVITATION } from "./messages";


export async function findLiveInvitation(db: Db, token: string, opts: { lock?: boolean; now?: Date } = {}) {
  const query = db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, opts.now ?? new Date())));
  const [row] = opts.lock ? await query.for("update") : await query;
  return row;
}

/**
 * Accepts an invitation. A new person sets a password (the emailed link confirms their address);
 * someone who already has an account must be signed in as that account.
 */
export async function acceptInvitation(db: Db, actor: Actor, token: string, newAccount?: { password: string }) {
  const passwordHash = newAccount ? await hashPassword(newAccount.password) : null;
  return db.transaction(async (tx) => {
    // Locked, so two simultaneous accepts can't both add the membership.
    const invitation = await findLiveInvitation(tx, token, { lock: true });
    if (!invitation) throw RuleError.field("", EXPIRED_INVITATION);
    const [existing] = await tx.select().from(users).where(eq(users.email, invitation.email));
    let userId: string;
    if (existing) {
      if (actor.userId !== existing.id) throw RuleError.field("", `Sign in as ${invitation.email} to accept this invitation`);
      userId = existing.id;
    } else {
      if (!passwordHash) throw RuleError.field("password", "Enter a password");
      const [user] = await tx
        .insert(users)
        .values({ email: invitation.email, name: invitation.name, passwordHash, emailConfirmedAt: new Date() })
        .returning();
      userId = user.id;
    }
    const [membership] = await tx
      .insert(memberships)
      .values({
        userId,
        role: invitation.role,
        authorityId: invitation.authorityId,
        organisationId: invitation.organisationId,
        schoolId: invitation.schoolId,
      })
      .returning();
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    await recordAudit(tx, { ...actor, userId, name: existing?.name ?? invitation.name }, {
      action: "invitation.accepted",
      recordType: "invitation",
      recordId: invitation.id,
      after: { membershipId: membership.id, role: membership.role },
    });
    return { userId, role: invitation.role, createdAccount: !existing };
  });
}

/** What the invitation page shows: who it is for, what for, and whether they already have an account. */
export async function describeInvitation(db: Db, token: string) {
  const invitation = await findLiveInvitation(db, token);
  if (!invitation) return null;
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
  return { email: invitation.email, name: invitation.name, role: invitation.role, accountExists: !!account, accountId: account?.id ?? null };
}
