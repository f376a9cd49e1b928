import { and, eq } from "drizzle-orm";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { isUuid } from "../children/access";
import { storeUpload, UPLOAD_POLICIES, type IncomingFile } from "../uploads/storeUpload";
import { BOPA_UPLOAD_PURPOSES } from "./submitBopaApplication";

export type BopaUploadField = keyof typeof BOPA_UPLOAD_PURPOSES;
export type KeptUpload = { id: string; filename: string };

/** A file for the apply form, checked and stored at once (so it survives any other error on the form). */
export async function storeBopaUpload(db: Db, actor: Actor, field: BopaUploadField, file: IncomingFile): Promise<KeptUpload> {
  const stored = await storeUpload(db, actor, { file, purpose: BOPA_UPLOAD_PURPOSES[field], policy: UPLOAD_POLICIES.document, field });
  return { id: stored.id, filename: stored.filename };
}

/** An upload the form kept from an earlier try: only the person's own, stored for that field; anything else is forgotten. */
export async function findKeptBopaUpload(db: Db, actor: Actor, field: BopaUploadField, uploadId: unknown): Promise<KeptUpload | null> {
  if (!actor.userId || typeof uploadId !== "string" || !isUuid(uploadId)) return null;
  const [row] = await db
    .select({ id: uploads.id, filename: uploads.filename })
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), eq(uploads.ownerUserId, actor.userId), eq(uploads.purpose, BOPA_UPLOAD_PURPOSES[field])));
  return row ?? null;
}
