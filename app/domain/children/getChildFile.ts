import { eq } from "drizzle-orm";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { loadOwnChild } from "./access";

/** The photograph or birth certificate of one of the parent's own children (anyone else: not found). */
export async function getChildFile(db: Db, actor: Actor, childId: string, file: "photo" | "birth-certificate") {
  const child = await loadOwnChild(db, actor, childId);
  const uploadId = file === "photo" ? child.photoUploadId : child.birthCertificateUploadId;
  if (!uploadId) throw new NotFoundError("File");
  const [row] = await db.select({ bytes: uploads.bytes, contentType: uploads.contentType, filename: uploads.filename }).from(uploads).where(eq(uploads.id, uploadId));
  if (!row) throw new NotFoundError("File");
  return row;
}
