import { eq } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { chaperoneApplications, chaperoneReferees } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import { hashToken } from "../identity/tokens";
import { REFERENCE_OPEN_STATUSES } from "./submitReference";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * What a referee's link shows, without signing in: who the reference is for, or that the link has expired
 * (past its 14 days, replaced by a newer link, or the application is closed) or has already been used.
 */
export async function getReferenceRequest(db: Db, token: string, now = new Date()) {
  if (!TOKEN.test(token)) return { state: "expired" as const };
  const [row] = await db
    .select({
      refereeName: chaperoneReferees.name,
      relationship: chaperoneReferees.relationship,
      expiresAt: chaperoneReferees.tokenExpiresAt,
      submittedAt: chaperoneReferees.submittedAt,
      status: chaperoneApplications.status,
      firstName: chaperoneApplications.firstName,
      lastName: chaperoneApplications.lastName,
      authorityName: authorities.name,
    })
    .from(chaperoneReferees)
    .innerJoin(chaperoneApplications, eq(chaperoneApplications.id, chaperoneReferees.applicationId))
    .leftJoin(authorities, eq(authorities.id, chaperoneApplications.authorityId))
    .where(eq(chaperoneReferees.tokenHash, hashToken(token)));
  if (!row) return { state: "expired" as const };
  if (row.submittedAt) return { state: "used" as const };
  if (!row.expiresAt || row.expiresAt <= now || !REFERENCE_OPEN_STATUSES.includes(row.status)) return { state: "expired" as const };
  return {
    state: "open" as const,
    refereeName: row.refereeName,
    relationship: row.relationship,
    applicantName: `${row.firstName} ${row.lastName}`,
    authorityName: row.authorityName ?? "the council",
    expiresAt: row.expiresAt.toISOString(),
  };
}
