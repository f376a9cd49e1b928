import { eq } from "drizzle-orm";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { applicationParties, submittedForOfficer } from "./officerScope";

const LICENCE_FILES = ["photo", "birth-certificate", "contract"] as const;
export type LicenceFile = (typeof LICENCE_FILES)[number];

/**
 * The child's photograph, birth certificate or the contract of a submitted application, for officers of the
 * child's home authority only (anyone else: "not found"). The parent's part falls back to the child's profile.
 */
export async function getOfficerLicenceFile(db: Db, actor: Actor, applicationId: string, file: string) {
  if (!(LICENCE_FILES as readonly string[]).includes(file)) throw new NotFoundError("File");
  const application = await submittedForOfficer(db, actor, applicationId);
  const { child } = await applicationParties(db, application);
  const id =
    file === "photo"
      ? (application.photoUploadId ?? child.photoUploadId)
      : file === "birth-certificate"
        ? (application.birthCertificateUploadId ?? child.birthCertificateUploadId)
        : application.contractUploadId;
  const [row] = id ? await db.select({ bytes: uploads.bytes, contentType: uploads.contentType, filename: uploads.filename }).from(uploads).where(eq(uploads.id, id)) : [];
  if (!row) throw new NotFoundError("File");
  return row;
}
