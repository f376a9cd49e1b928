import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { RuleError } from "../errors";
import { type IncomingFile, storeUpload, UPLOAD_POLICIES } from "../uploads/storeUpload";
import { applicationForProducer } from "./access";
import { editableForProducer, NOT_EDITABLE, saveProducerAnswers } from "./producerPart";
import { isEditable } from "./states";

const CONTRACT_UPLOAD_PURPOSE = "licence-contract";

/**
 * The child's contract (or the terms of their engagement), as a PDF or a scan. The file is stored on its own
 * first, so a stored file is never lost; without a new file the one already uploaded stays.
 */
export async function saveProducerContract(db: Db, actor: Actor, applicationId: string, file: IncomingFile | null, now = new Date()) {
  const current = await applicationForProducer(db, actor, applicationId);
  if (!isEditable(current.status)) throw RuleError.field("", NOT_EDITABLE);
  if (!file) {
    if (current.contractUploadId) return { complete: !!current.producerPartCompletedAt };
    throw RuleError.field("contract", "Select the child's contract");
  }
  const upload = await storeUpload(db, actor, { file, purpose: CONTRACT_UPLOAD_PURPOSE, policy: UPLOAD_POLICIES.document, field: "contract" });
  return db.transaction(async (tx) => {
    const application = await editableForProducer(tx, actor, applicationId);
    return saveProducerAnswers(tx, actor, application, "licence.contract-uploaded", { contractUploadId: upload.id }, now);
  });
}
