import { eq } from "drizzle-orm";
import { memberships, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";

export async function loadActor(db: Db, userId: string, ip: string | null): Promise<(Actor & { email: string }) | null> {
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  const rows = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      authorityId: memberships.authorityId,
      organisationId: memberships.organisationId,
      schoolId: memberships.schoolId,
    })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return { userId: user.id, name: user.name, email: user.email, ip, memberships: rows };
}
