import { eq } from "drizzle-orm";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { applicationForOfficer } from "./access";

const BOPA_FILES = { "child-protection-policy": "policyUploadId", "risk-assessment": "riskAssessmentUploadId" } as const;
export type BopaFile = keyof typeof BOPA_FILES;

/** The application's child protection policy or risk assessment, for officers of the host authority only. */
export async function getBopaUpload(db: Db, actor: Actor, applicationId: string, file: string) {
  if (!Object.hasOwn(BOPA_FILES, file)) throw new NotFoundError("File");
  const application = await applicationForOfficer(db, actor, applicationId);
  const [row] = await db
    .select({ bytes: uploads.bytes, contentType: uploads.contentType, filename: uploads.filename })
    .from(uploads)
    .where(eq(uploads.id, application[BOPA_FILES[file as BopaFile]]));
  if (!row) throw new NotFoundError("File");
  return row;
}
