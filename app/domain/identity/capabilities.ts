import type { Role, StaffRole } from "#db/schema/identity";
import type { Actor, Membership } from "../actor";

/**
 * Who may do what: the one place that decides. Route groups and verbs call `can`/`assertCan`;
 * docs/permissions.md lists the same table.
 */
export const CAPABILITIES = {
  "account:manage": { roles: "any-signed-in", scope: "self" },
  "officer:use": { roles: ["officer"], scope: "authority" },
  "lado:use": { roles: ["lado"], scope: "authority" },
  "school:use": { roles: ["school"], scope: "school" },
  "admin:use": { roles: ["admin"], scope: "authority" },
  "staff:invite": { roles: ["admin"], scope: "authority" },
  "authority-record:read": { roles: ["officer", "lado", "admin"], scope: "authority" },
  "audit:read": { roles: ["officer", "lado", "admin"], scope: "authority" },
  "report:read": { roles: ["officer", "admin"], scope: "authority" },
  "document:issue": { roles: ["officer"], scope: "authority" },
  "document:change-status": { roles: ["officer"], scope: "authority" },
  "document:download-any": { roles: ["officer"], scope: "authority" },
  "chaperone-application:decide": { roles: ["officer"], scope: "authority" },
  "chaperone-register:search": { roles: ["officer"], scope: "any-authority" },
  "bopa:decide": { roles: ["officer"], scope: "authority" },
  "performance-application:decide": { roles: ["officer"], scope: "authority" },
  "employment-permit:decide": { roles: ["officer"], scope: "authority" },
  "organisation:invite": { roles: ["producer", "employer"], scope: "organisation" },
  "parent:use": { roles: ["parent"], scope: "self" },
  "producer:use": { roles: ["producer"], scope: "organisation" },
  "employer:use": { roles: ["employer"], scope: "organisation" },
  "chaperone:use": { roles: ["chaperone"], scope: "self" },
  "mailbox:read": { roles: "development-only", scope: "none" },
} as const satisfies Record<string, { roles: readonly Role[] | "any-signed-in" | "development-only"; scope: string }>;

export type Capability = keyof typeof CAPABILITIES;

export type Target = { authorityId?: string | null; organisationId?: string | null; schoolId?: string | null };

const SCOPE_KEY = { authority: "authorityId", organisation: "organisationId", school: "schoolId" } as const;

/** A target must name the capability's own kind of scope; one that names something else grants nothing. */
function matches(m: Membership, scope: string, target?: Target) {
  if (!target) return true;
  const key = SCOPE_KEY[scope as keyof typeof SCOPE_KEY];
  if (!key || target[key] === undefined) return false;
  return m[key] === target[key];
}

/** The memberships through which the actor holds a capability (optionally for one authority, organisation or school). */
export function grantsFor(actor: Actor, capability: Capability, target?: Target): Membership[] {
  const rule = CAPABILITIES[capability];
  if (!actor.userId) return [];
  if (rule.roles === "development-only") return [];
  if (rule.roles === "any-signed-in") return actor.memberships;
  const roles = rule.roles as readonly Role[];
  return actor.memberships.filter((m) => roles.includes(m.role) && matches(m, rule.scope, target));
}

export function can(actor: Actor, capability: Capability, target?: Target) {
  if (CAPABILITIES[capability].roles === "any-signed-in") return actor.userId !== null;
  return grantsFor(actor, capability, target).length > 0;
}

/** Authority ids where the actor holds a capability: the scope for that audience's queries. */
export function authorityScope(actor: Actor, capability: Capability): string[] {
  return [...new Set(grantsFor(actor, capability).map((m) => m.authorityId).filter((id): id is string => !!id))];
}

/** Organisation ids where the actor holds a capability: the scope for producers' and employers' queries. */
export function organisationScope(actor: Actor, capability: Capability): string[] {
  return [...new Set(grantsFor(actor, capability).map((m) => m.organisationId).filter((id): id is string => !!id))];
}

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  school: "school contact",
  officer: "licensing officer",
  lado: "LADO",
  admin: "authority administrator",
};

export const ROLE_LABELS: Record<Role, string> = {
  parent: "Parent or carer",
  producer: "Producer",
  employer: "Employer",
  chaperone: "Chaperone",
  school: "School",
  officer: "Licensing officer",
  lado: "LADO",
  admin: "Administrator",
};

export function isStaff(actor: Actor) {
  return actor.memberships.some((m) => (["school", "officer", "lado", "admin"] as Role[]).includes(m.role));
}
