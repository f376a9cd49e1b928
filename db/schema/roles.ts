// Plain constants (no drizzle import), so browser code can share them with zod.
export const PUBLIC_ROLES = ["parent", "producer", "employer", "chaperone"] as const;
export const STAFF_ROLES = ["school", "officer", "lado", "admin"] as const;
export const ROLES = [...PUBLIC_ROLES, ...STAFF_ROLES] as const;
export type PublicRole = (typeof PUBLIC_ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];
