/**
 * Factories: consistent rows with sensible defaults, for tests and the demo seed.
 * Each takes the database and overrides, and returns the inserted row.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "../app/domain/identity/passwords";
import type { Db } from "../app/server/db.server";
import { authorities, type OrganisationKind, organisations, schools } from "./schema/authorities";
import { memberships, type Role, users } from "./schema/identity";

let sequence = 0;
const next = () => ++sequence;

export async function createAuthority(db: Db, overrides: Partial<typeof authorities.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(authorities)
    .values({ code: `A${n}${randomUUID().slice(0, 4).toUpperCase()}`, name: `Authority ${n} Council`, postcodeDistricts: [], ...overrides })
    .returning();
  return row;
}

export async function createSchool(db: Db, overrides: Partial<typeof schools.$inferInsert> & { authorityId: string }) {
  const n = next();
  const [row] = await db.insert(schools).values({ name: `School ${n}`, ...overrides }).returning();
  return row;
}

export async function createOrganisation(db: Db, overrides: Partial<typeof organisations.$inferInsert> & { kind: OrganisationKind }) {
  const n = next();
  const [row] = await db.insert(organisations).values({ name: `Organisation ${n} Ltd`, ...overrides }).returning();
  return row;
}

export type MembershipSpec = { role: Role; authorityId?: string | null; organisationId?: string | null; schoolId?: string | null };

const hashes = new Map<string, Promise<string>>();
/** Hashing is deliberately slow, so factories reuse one hash per password. */
const hashOnce = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

export async function createUser(
  db: Db,
  overrides: { email?: string; name?: string; password?: string; confirmed?: boolean; memberships?: MembershipSpec[] } = {},
) {
  const n = next();
  const password = overrides.password ?? "correct horse battery";
  const [user] = await db
    .insert(users)
    .values({
      email: (overrides.email ?? `person${n}-${randomUUID().slice(0, 8)}@example.com`).toLowerCase(),
      name: overrides.name ?? `Person ${n}`,
      passwordHash: await hashOnce(password),
      emailConfirmedAt: overrides.confirmed === false ? null : new Date(),
    })
    .returning();
  for (const m of overrides.memberships ?? []) {
    await db.insert(memberships).values({ userId: user.id, ...m });
  }
  return { ...user, password };
}
