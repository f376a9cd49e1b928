import { and, eq } from "drizzle-orm";
import { authorities, schools } from "#db/schema/authorities";
import type { children } from "#db/schema/children";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { findAuthorityForPostcode } from "../authorities/findAuthorityForPostcode";
import { isIsoDate } from "../calendar/dates";
import { RuleError } from "../errors";
import { isUuid } from "./access";
import { dateOfBirthProblem, EDUCATED_AT_HOME, isPostcode, normalisePostcode, type SchoolChoice } from "./rules";

/** A child's details as the parent's form collects them (dates as YYYY-MM-DD). */
export type ChildDetailsInput = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  addressLine1: string;
  addressLine2?: string | null;
  town: string;
  postcode: string;
  /** The council the parent picked, used only when the postcode doesn't tell us. */
  authorityId?: string | null;
  school?: SchoolChoice | null;
  schoolId?: string | null;
  schoolName?: string | null;
  /** Uploads the parent has already made (see storeChildUploads); left out when changing details keeps the old file. */
  photoUploadId?: string | null;
  photoTakenOn?: string | null;
  birthCertificateUploadId?: string | null;
};

export const UPLOAD_PURPOSES = { photo: "child-photo", birthCertificate: "child-birth-certificate" } as const;

type Columns = Omit<typeof children.$inferInsert, "id" | "parentUserId" | "createdAt" | "updatedAt">;

const clean = (s: string | null | undefined) => {
  const t = (s ?? "").trim().replace(/\s+/g, " ");
  return t.length ? t : null;
};

/**
 * Checks a child's details for `today` and turns them into columns: the home authority from the postcode (or the
 * council the parent picked when no district matches), the school, and the parent's own uploads. Every problem is
 * reported at once, against the form's fields. `existing` is the saved child when changing details.
 */
export async function checkChildDetails(db: Db, actor: Actor, input: ChildDetailsInput, today: string, existing?: typeof children.$inferSelect): Promise<Columns> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };

  const firstName = clean(input.firstName);
  const lastName = clean(input.lastName);
  if (!firstName) add("firstName", "Enter the child's first name");
  else if (firstName.length > 100) add("firstName", "First name must be 100 characters or fewer");
  if (!lastName) add("lastName", "Enter the child's last name");
  else if (lastName.length > 100) add("lastName", "Last name must be 100 characters or fewer");

  if (!isIsoDate(input.dateOfBirth ?? "")) add("dateOfBirthDay", "Enter the child's date of birth");
  else {
    const problem = dateOfBirthProblem(input.dateOfBirth, today);
    if (problem) add("dateOfBirthDay", problem);
  }

  const addressLine1 = clean(input.addressLine1);
  const addressLine2 = clean(input.addressLine2);
  const town = clean(input.town);
  const postcode = normalisePostcode(input.postcode ?? "");
  if (!addressLine1) add("addressLine1", "Enter address line 1, typically the building and street");
  else if (addressLine1.length > 100) add("addressLine1", "Address line 1 must be 100 characters or fewer");
  if (addressLine2 && addressLine2.length > 100) add("addressLine2", "Address line 2 must be 100 characters or fewer");
  if (!town) add("town", "Enter town or city");
  else if (town.length > 60) add("town", "Town or city must be 60 characters or fewer");
  let homeAuthorityId: string | null = null;
  if (!postcode) add("postcode", "Enter postcode");
  else if (!isPostcode(postcode)) add("postcode", "Enter a full UK postcode, like NM1 2AB");
  else {
    const matched = await findAuthorityForPostcode(db, postcode);
    homeAuthorityId = matched?.id ?? (await knownAuthority(db, input.authorityId));
    if (!homeAuthorityId) add("authorityId", "Select the council where the child lives");
  }

  let schoolId: string | null = null;
  let schoolName: string | null = null;
  if (input.school === "listed") {
    schoolId = await knownSchool(db, input.schoolId);
    if (!schoolId) add("schoolId", "Select the child's school");
  } else if (input.school === "not-listed") {
    schoolName = clean(input.schoolName);
    if (!schoolName) add("schoolName", "Enter the name of the child's school");
    else if (schoolName.length > 200) add("schoolName", "School name must be 200 characters or fewer");
  } else if (input.school === "home") {
    schoolName = EDUCATED_AT_HOME;
  } else {
    add("school", "Select where the child goes to school");
  }

  const photoUploadId = input.photoUploadId ? await ownUpload(db, actor, input.photoUploadId, UPLOAD_PURPOSES.photo) : (existing?.photoUploadId ?? null);
  if (!photoUploadId) add("photo", "Upload a photograph of the child");
  const photoTakenOn = input.photoTakenOn ?? null;
  if (!photoTakenOn || !isIsoDate(photoTakenOn)) add("photoTakenOnDay", "Enter the date the photograph was taken");
  else if (photoTakenOn > today) add("photoTakenOnDay", "The date the photograph was taken must be today or in the past");
  else if (isIsoDate(input.dateOfBirth ?? "") && photoTakenOn < input.dateOfBirth) add("photoTakenOnDay", "The date the photograph was taken must be after the child's date of birth");

  const birthCertificateUploadId = input.birthCertificateUploadId
    ? await ownUpload(db, actor, input.birthCertificateUploadId, UPLOAD_PURPOSES.birthCertificate)
    : (existing?.birthCertificateUploadId ?? null);
  if (!birthCertificateUploadId) add("birthCertificate", "Upload a copy of the child's birth certificate");

  if (Object.keys(errors).length) throw new RuleError(errors);
  return {
    firstName: firstName!,
    lastName: lastName!,
    dateOfBirth: input.dateOfBirth,
    addressLine1: addressLine1!,
    addressLine2,
    town: town!,
    postcode,
    homeAuthorityId: homeAuthorityId!,
    schoolId,
    schoolName,
    photoUploadId,
    photoTakenOn,
    birthCertificateUploadId,
  };
}

/** The id of an authority that exists, or null. */
export async function knownAuthority(db: Db, id: string | null | undefined) {
  if (!id || !isUuid(id)) return null;
  const [row] = await db.select({ id: authorities.id }).from(authorities).where(eq(authorities.id, id));
  return row?.id ?? null;
}

async function knownSchool(db: Db, id: string | null | undefined) {
  if (!id || !isUuid(id)) return null;
  const [row] = await db.select({ id: schools.id }).from(schools).where(eq(schools.id, id));
  return row?.id ?? null;
}

/** An upload of the parent's own for this purpose; anything else counts as not uploaded. */
async function ownUpload(db: Db, actor: Actor, id: string, purpose: string) {
  if (!actor.userId || !isUuid(id)) return null;
  const [row] = await db
    .select({ id: uploads.id })
    .from(uploads)
    .where(and(eq(uploads.id, id), eq(uploads.ownerUserId, actor.userId), eq(uploads.purpose, purpose)));
  return row?.id ?? null;
}
