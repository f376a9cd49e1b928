import type { Role } from "#db/schema/identity";

export type Membership = {
  id: string;
  role: Role;
  authorityId: string | null;
  organisationId: string | null;
  schoolId: string | null;
};

/** Who is acting: a signed-in user, a member of the public, or the system. */
export type Actor = {
  userId: string | null;
  name: string;
  ip: string | null;
  memberships: Membership[];
};

export const systemActor: Actor = { userId: null, name: "system", ip: null, memberships: [] };

export function publicActor(ip: string | null): Actor {
  return { userId: null, name: "public", ip, memberships: [] };
}
