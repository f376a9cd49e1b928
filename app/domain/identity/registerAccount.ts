import { eq } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { memberships, type PublicRole, userTokens, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { hashPassword } from "./passwords";
import { ACCOUNT_RULES } from "./rules";
import { newToken } from "./tokens";

export type RegisterInput = {
  name: string;
  email: string;
  password: string;
  roles: PublicRole[];
  organisationName?: string;
};

/** Creates an unconfirmed account with the public roles the person chose, and emails a confirmation link. */
export async function registerAccount(db: Db, actor: Actor, input: RegisterInput, baseUrl: string) {
  const email = input.email.trim().toLowerCase();
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing.length) {
    throw RuleError.field("email", "An account already exists with this email address. Sign in or reset your password");
  }
  const needsOrganisation = input.roles.some((r) => r === "producer" || r === "employer");
  if (needsOrganisation && !input.organisationName?.trim()) {
    throw RuleError.field("organisationName", "Enter the name of your organisation");
  }
  const passwordHash = await hashPassword(input.password);
  const { token, hash } = newToken();

  return db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email, name: input.name.trim(), passwordHash }).returning();
    const after: Record<string, unknown> = { email, name: user.name, roles: input.roles };
    for (const kind of ["producer", "employer"] as const) {
      if (!input.roles.includes(kind)) continue;
      const [org] = await tx.insert(organisations).values({ name: input.organisationName!.trim(), kind }).returning();
      await tx.insert(memberships).values({ userId: user.id, role: kind, organisationId: org.id });
      await recordAudit(tx, { ...actor, userId: user.id, name: user.name }, {
        action: "organisation.created",
        recordType: "organisation",
        recordId: org.id,
        after: { name: org.name, kind },
      });
    }
    for (const role of input.roles.filter((r) => r === "parent" || r === "chaperone")) {
      await tx.insert(memberships).values({ userId: user.id, role });
    }
    await tx.insert(userTokens).values({
      userId: user.id,
      purpose: "confirm-email",
      tokenHash: hash,
      expiresAt: new Date(Date.now() + ACCOUNT_RULES.confirmEmailHours * 3600_000),
    });
    await recordAudit(tx, { ...actor, userId: user.id, name: user.name }, { action: "account.registered", recordType: "user", recordId: user.id, after });
    const outboxId = await queueEmail(tx, email, "confirm-email", {
      name: user.name,
      url: `${baseUrl}/confirm-email/${token}`,
      expiresInHours: ACCOUNT_RULES.confirmEmailHours,
    });
    return { userId: user.id, outboxIds: [outboxId] };
  });
}
