import { eq } from "drizzle-orm";
import { children } from "#db/schema/children";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { applicationForParent } from "./access";

/**
 * The photograph or birth certificate in the parent's part, for the parent only: the one saved on the
 * application, else the child's profile's (what the question page offers to use).
 */
export async function getParentPartFile(db: Db, actor: Actor, childId: string, applicationId: string, file: string) {
  if (file !== "photo" && file !== "birth-certificate") throw new NotFoundError("File");
  const application = await applicationForParent(db, actor, applicationId);
  if (application.childId !== childId) throw new NotFoundError("File");
  const [child] = await db.select().from(children).where(eq(children.id, application.childId));
  const uploadId =
    file === "photo" ? (application.photoUploadId ?? child.photoUploadId) : (application.birthCertificateUploadId ?? child.birthCertificateUploadId);
  if (!uploadId) throw new NotFoundError("File");
  const [row] = await db.select({ bytes: uploads.bytes, contentType: uploads.contentType, filename: uploads.filename }).from(uploads).where(eq(uploads.id, uploadId));
  if (!row) throw new NotFoundError("File");
  return row;
}
