import { eq } from "drizzle-orm";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { applicationForOfficer } from "./officerScope";

/** The applicant's photograph, for an officer of the application's authority only (anyone else: not found). */
export async function getChaperoneApplicationPhoto(db: Db, actor: Actor, applicationId: string) {
  const application = await applicationForOfficer(db, actor, applicationId);
  const [photo] = application.photoUploadId
    ? await db.select({ bytes: uploads.bytes, contentType: uploads.contentType }).from(uploads).where(eq(uploads.id, application.photoUploadId))
    : [];
  // Only images are ever served inline, whatever was stored.
  if (!photo || !["image/jpeg", "image/png"].includes(photo.contentType)) throw new NotFoundError("Photograph");
  return photo;
}
