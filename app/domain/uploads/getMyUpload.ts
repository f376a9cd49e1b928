import { and, eq } from "drizzle-orm";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One of the person's own uploads (someone else's, or a malformed id, is not found). */
export async function getMyUpload(db: Db, actor: Actor, uploadId: string) {
  if (!actor.userId || !UUID.test(uploadId)) throw new NotFoundError("File");
  const [row] = await db
    .select({ bytes: uploads.bytes, contentType: uploads.contentType, filename: uploads.filename })
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), eq(uploads.ownerUserId, actor.userId)));
  if (!row) throw new NotFoundError("File");
  return row;
}
