import { eq } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";

/** Who to email about a decision: the applicant's account address and name, and the deciding authority's name. */
export async function applicantContact(tx: Db, application: { applicantUserId: string; authorityId: string | null; firstName: string | null; lastName: string | null }) {
  const [[user], [authority]] = [
    await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, application.applicantUserId)),
    await tx.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, application.authorityId!)),
  ];
  const name = [application.firstName, application.lastName].filter(Boolean).join(" ") || user.name;
  return { email: user.email, name, authorityName: authority.name };
}
