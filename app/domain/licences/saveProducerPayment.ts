import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { RuleError } from "../errors";
import { applicationForProducer } from "./access";
import { editableForProducer, saveProducerAnswers } from "./producerPart";
import { PRODUCER_TEXT_MAX } from "./producerRules";

/** Whether the child is paid (more than expenses) and, if so, how much and how. */
export async function saveProducerPayment(db: Db, actor: Actor, applicationId: string, input: { paid: boolean; details: string }, now = new Date()) {
  await applicationForProducer(db, actor, applicationId);
  const details = input.details.trim();
  if (input.paid && !details) throw RuleError.field("paymentDetails", "Enter how much the child is paid and how");
  if (details.length > PRODUCER_TEXT_MAX) throw RuleError.field("paymentDetails", `Payment details must be ${PRODUCER_TEXT_MAX} characters or fewer`);
  return db.transaction(async (tx) => {
    const application = await editableForProducer(tx, actor, applicationId);
    return saveProducerAnswers(tx, actor, application, "licence.payment-saved", { paid: input.paid, paymentDetails: input.paid ? details : null }, now);
  });
}
