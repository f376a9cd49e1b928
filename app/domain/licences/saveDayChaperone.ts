import { and, eq, inArray } from "drizzle-orm";
import { scheduleDays } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { isUuid } from "../children/access";
import { NotFoundError, RuleError } from "../errors";
import { applicationForProducer } from "./access";
import { chaperoneLoads, findApproval, ratioProblem, validityProblem } from "./chaperoneChecks";
import { applicationDays, editableForProducer, refreshProducerPart } from "./producerPart";
import { APPLICATION_RECORD } from "./producerRules";

export type DayChaperoneInput = {
  who: string;
  /** The chaperone's approval reference, e.g. NMC-CL-2026-000001 (any council's). */
  reference: string;
  /** The chaperone is also the child's tutor that day. */
  isTutor: boolean;
  /** The same chaperone for every day of the child's schedule. */
  allDays: boolean;
};

/**
 * Who looks after the child on a day (or every day): the child's parent, or a licensed chaperone from the
 * register whose approval is in force on each date (CHAP-VALID) and who has no more than 12 children of the
 * production that day, or 3 when also a tutor (CHAP-RATIO), counted across all the production's applications.
 */
export async function saveDayChaperone(db: Db, actor: Actor, applicationId: string, dayId: string, input: DayChaperoneInput, now = new Date()) {
  await applicationForProducer(db, actor, applicationId);
  if (!isUuid(dayId)) throw new NotFoundError("Day");
  if (input.who !== "parent" && input.who !== "chaperone") throw RuleError.field("who", "Select who looks after the child");
  const reference = input.reference.trim().toUpperCase().replace(/\s+/g, "");
  if (input.who === "chaperone" && !reference) throw RuleError.field("reference", "Enter the chaperone's approval reference, like NMC-CL-2026-000001");

  return db.transaction(async (tx) => {
    const application = await editableForProducer(tx, actor, applicationId);
    const all = await applicationDays(tx, application.id);
    const day = all.find((d) => d.id === dayId);
    if (!day) throw new NotFoundError("Day");
    const days = input.allDays ? all : [day];
    let change: { chaperone: "parent" | "chaperone"; chaperoneDocumentId: string | null; chaperoneIsTutor: boolean };
    let label = "The child's parent";
    if (input.who === "parent") {
      change = { chaperone: "parent", chaperoneDocumentId: null, chaperoneIsTutor: false };
    } else {
      const approval = await findApproval(tx, reference, { lock: true });
      if (!approval) throw RuleError.field("reference", `No chaperone approval has the reference ${reference}. Check it with the chaperone`);
      const dates = days.map((d) => d.date);
      const problems = [validityProblem(approval, dates)];
      const loads = await chaperoneLoads(tx, application.productionId, [approval.id], application.id);
      for (const date of dates) {
        const load = loads.find((l) => l.date === date);
        problems.push(ratioProblem(approval.name, date, (load?.children ?? 0) + 1, (load?.tutors ?? 0) > 0 || input.isTutor, "would"));
      }
      const messages = problems.filter((p): p is string => !!p);
      if (messages.length) throw new RuleError({ reference: messages });
      change = { chaperone: "chaperone", chaperoneDocumentId: approval.id, chaperoneIsTutor: input.isTutor };
      label = `${approval.name} (${approval.reference})${input.isTutor ? ", also the tutor" : ""}`;
    }
    await tx
      .update(scheduleDays)
      .set(change)
      .where(
        and(
          eq(scheduleDays.applicationId, application.id),
          inArray(
            scheduleDays.id,
            days.map((d) => d.id),
          ),
        ),
      );
    const complete = await refreshProducerPart(tx, application.id, now);
    await recordAudit(tx, actor, {
      action: "licence.chaperone-chosen",
      recordType: APPLICATION_RECORD,
      recordId: application.id,
      before: { days: days.map((d) => ({ date: d.date, chaperone: d.chaperone, chaperoneDocumentId: d.chaperoneDocumentId, chaperoneIsTutor: d.chaperoneIsTutor })) },
      after: { dates: days.map((d) => d.date), ...change, chaperoneLabel: label, producerPartComplete: complete },
    });
    return { dates: days.map((d) => d.date) };
  });
}
