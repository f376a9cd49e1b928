import { and, eq } from "drizzle-orm";
import { authorities, schools } from "#db/schema/authorities";
import { invitations, type StaffRole } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { ForbiddenError, RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { can, STAFF_ROLE_LABELS } from "./capabilities";
import { ACCOUNT_RULES } from "./rules";
import { newToken } from "./tokens";

export type InviteStaffInput = { authorityId: string; name: string; email: string; role: StaffRole; schoolId?: string };

/** An authority admin invites a member of staff (school, officer, LADO or admin) by email. */
export async function inviteStaff(db: Db, actor: Actor, input: InviteStaffInput, baseUrl: string) {
  if (!can(actor, "staff:invite", { authorityId: input.authorityId })) throw new ForbiddenError();
  const [authority] = await db.select().from(authorities).where(eq(authorities.id, input.authorityId));
  if (!authority) throw new ForbiddenError();
  let roleDescription = `${STAFF_ROLE_LABELS[input.role] === "LADO" ? "the LADO" : `a ${STAFF_ROLE_LABELS[input.role]}`} at ${authority.name}`;
  if (input.role === "school") {
    const [school] = input.schoolId
      ? await db.select().from(schools).where(and(eq(schools.id, input.schoolId), eq(schools.authorityId, authority.id)))
      : [];
    if (!school) throw RuleError.field("schoolId", "Select the school");
    roleDescription = `the contact for ${school.name}`;
  }
  const email = input.email.trim().toLowerCase();
  const { token, hash } = newToken();
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(invitations)
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        authorityId: authority.id,
        schoolId: input.role === "school" ? input.schoolId : null,
        invitedBy: actor.userId!,
        tokenHash: hash,
        expiresAt: new Date(Date.now() + ACCOUNT_RULES.invitationDays * 86400_000),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: "staff.invited",
      recordType: "invitation",
      recordId: invitation.id,
      after: { email, role: input.role, authorityId: authority.id, schoolId: invitation.schoolId },
    });
    const outboxId = await queueEmail(tx, email, "staff-invitation", {
      name: invitation.name,
      invitedBy: actor.name,
      roleDescription,
      url: `${baseUrl}/invitations/${token}`,
      expiresInDays: ACCOUNT_RULES.invitationDays,
    });
    return { invitationId: invitation.id, outboxIds: [outboxId] };
  });
}
