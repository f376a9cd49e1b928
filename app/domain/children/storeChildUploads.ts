import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ForbiddenError, RuleError } from "../errors";
import { can } from "../identity/capabilities";
import { type IncomingFile, storeUpload, UPLOAD_POLICIES } from "../uploads/storeUpload";
import { UPLOAD_PURPOSES } from "./childDetails";

type Stored = { id: string; filename: string };

/**
 * Stores the photograph and birth certificate a parent chose, each on its own, before the rest of the form is
 * checked: a file that is stored is kept (the form carries its id) even when another answer needs correcting.
 * A file that breaks the upload rules is reported against its field.
 */
export async function storeChildUploads(db: Db, actor: Actor, files: { photo?: IncomingFile | null; birthCertificate?: IncomingFile | null }) {
  if (!can(actor, "parent:use")) throw new ForbiddenError();
  const stored: { photo?: Stored; birthCertificate?: Stored } = {};
  const errors: Record<string, string[]> = {};
  const policies = { photo: UPLOAD_POLICIES.photo, birthCertificate: UPLOAD_POLICIES.document };
  for (const field of ["photo", "birthCertificate"] as const) {
    const file = files[field];
    if (!file) continue;
    try {
      const row = await storeUpload(db, actor, { file, purpose: UPLOAD_PURPOSES[field], policy: policies[field], field });
      stored[field] = { id: row.id, filename: row.filename };
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      Object.assign(errors, error.fieldErrors);
    }
  }
  return { stored, errors };
}
