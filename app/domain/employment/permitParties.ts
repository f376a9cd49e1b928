import { eq } from "drizzle-orm";
import { authorities, organisations, schools } from "#db/schema/authorities";
import { children } from "#db/schema/children";
import type { employmentPermits } from "#db/schema/employment";
import { users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import { RuleError } from "../errors";
import { employerContacts } from "./permitParty";
import { OCCUPATION_LABELS, type Occupation } from "./rules";

/** Longest reasons an officer or employer may type. */
export const PERMIT_TEXT_MAX = 2000;

/** Checks typed reasons: required, and not too long. */
export function permitReasons(field: string, text: string | null | undefined, empty: string) {
  const value = text?.trim() ?? "";
  if (!value) throw RuleError.field(field, empty);
  if (value.length > PERMIT_TEXT_MAX) throw RuleError.field(field, `Reasons must be ${PERMIT_TEXT_MAX} characters or fewer`);
  return value;
}

type Permit = typeof employmentPermits.$inferSelect;

export const occupationText = (occupation: string | null) => (occupation ? (OCCUPATION_LABELS[occupation as Occupation] ?? occupation) : "Not given");

/**
 * Who a permit concerns and who hears about it: the child and their parent, the employer's organisation and its
 * employer accounts (or, before anyone from the employer has an account, the address the employer was invited at),
 * the child's school and the deciding council.
 */
export async function permitParties(db: Db, permit: Permit) {
  const [[child], [parent], [organisation], employers, [authority], [school]] = await Promise.all([
    permit.childId
      ? db
          .select({
            firstName: children.firstName,
            lastName: children.lastName,
            dateOfBirth: children.dateOfBirth,
            photoUploadId: children.photoUploadId,
            schoolId: children.schoolId,
            schoolName: children.schoolName,
          })
          .from(children)
          .where(eq(children.id, permit.childId))
      : [],
    permit.parentUserId ? db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, permit.parentUserId)) : [],
    permit.organisationId ? db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, permit.organisationId)) : [],
    permit.organisationId ? employerContacts(db, permit.organisationId) : [],
    permit.authorityId ? db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, permit.authorityId)) : [],
    permit.schoolId ? db.select({ name: schools.name }).from(schools).where(eq(schools.id, permit.schoolId)) : [],
  ]);
  const businessName = permit.businessName ?? organisation?.name ?? "The employer";
  const invited = permit.startedBy === "parent" && permit.inviteEmail ? [{ name: businessName, email: permit.inviteEmail }] : [];
  return {
    child: child ? { ...child, name: `${child.firstName} ${child.lastName}` } : null,
    parent: parent ?? null,
    businessName,
    organisationName: organisation?.name ?? null,
    /** Everyone who hears about the permit for the employer. */
    employers: employers.length ? employers : invited,
    authorityName: authority?.name ?? "The council",
    schoolName: school?.name ?? child?.schoolName ?? null,
  };
}

export type PermitParties = Awaited<ReturnType<typeof permitParties>>;
