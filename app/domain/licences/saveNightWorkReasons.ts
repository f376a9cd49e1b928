import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { RuleError } from "../errors";
import { applicationForProducer } from "./access";
import { editableForProducer, saveProducerAnswers } from "./producerPart";
import { PRODUCER_TEXT_MAX } from "./producerRules";

/** HOURS-NIGHT: the producer gives reasons for the night work in the schedule, for the council to decide on. */
export async function saveNightWorkReasons(db: Db, actor: Actor, applicationId: string, reasons: string, now = new Date()) {
  await applicationForProducer(db, actor, applicationId);
  const text = reasons.trim();
  if (!text) throw RuleError.field("nightWorkReasons", "Enter why the child needs to work at these times");
  if (text.length > PRODUCER_TEXT_MAX) throw RuleError.field("nightWorkReasons", `The reasons must be ${PRODUCER_TEXT_MAX} characters or fewer`);
  return db.transaction(async (tx) => {
    const application = await editableForProducer(tx, actor, applicationId);
    return saveProducerAnswers(tx, actor, application, "licence.night-work-reasons-saved", { nightWorkReasons: text }, now);
  });
}
