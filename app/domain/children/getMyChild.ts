import { and, asc, eq, gt, inArray, isNotNull, isNull } from "drizzle-orm";
import { authorities, organisations, schools } from "#db/schema/authorities";
import { childShares, productions } from "#db/schema/children";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ageOn, londonDate } from "../calendar/dates";
import { loadOwnChild } from "./access";
import { schoolChoiceOf } from "./rules";

/**
 * One of the parent's children: their details with names for the council, school and files, and who can see
 * them: productions the parent has shared them with (not revoked), and share codes not yet used or expired.
 */
export async function getMyChild(db: Db, actor: Actor, childId: string, now = new Date()) {
  const child = await loadOwnChild(db, actor, childId);
  const [[authority], [school], files, sharedWith, codes] = await Promise.all([
    db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, child.homeAuthorityId)),
    child.schoolId ? db.select({ name: schools.name }).from(schools).where(eq(schools.id, child.schoolId)) : [],
    db
      .select({ id: uploads.id, filename: uploads.filename })
      .from(uploads)
      .where(inArray(uploads.id, [child.photoUploadId, child.birthCertificateUploadId].filter((id): id is string => !!id))),
    db
      .select({ id: childShares.id, productionTitle: productions.title, organisationName: organisations.name, sharedAt: childShares.usedAt })
      .from(childShares)
      .innerJoin(productions, eq(productions.id, childShares.productionId))
      .innerJoin(organisations, eq(organisations.id, productions.organisationId))
      .where(and(eq(childShares.childId, child.id), isNotNull(childShares.productionId), isNull(childShares.revokedAt)))
      .orderBy(asc(childShares.usedAt)),
    db
      .select({ id: childShares.id, codeHint: childShares.codeHint, expiresAt: childShares.expiresAt, createdAt: childShares.createdAt })
      .from(childShares)
      .where(and(eq(childShares.childId, child.id), isNull(childShares.productionId), isNull(childShares.revokedAt), gt(childShares.expiresAt, now)))
      .orderBy(asc(childShares.createdAt)),
  ]);
  return {
    child: {
      ...child,
      name: `${child.firstName} ${child.lastName}`,
      age: ageOn(child.dateOfBirth, londonDate(now)),
      schoolChoice: schoolChoiceOf(child),
      school: school?.name ?? child.schoolName ?? "",
      homeAuthorityName: authority?.name ?? "",
      photoFilename: files.find((f) => f.id === child.photoUploadId)?.filename ?? null,
      birthCertificateFilename: files.find((f) => f.id === child.birthCertificateUploadId)?.filename ?? null,
    },
    sharedWith,
    codes,
  };
}
