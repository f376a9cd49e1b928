import { and, eq } from "drizzle-orm";
import { scheduleDays } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { isUuid } from "../children/access";
import { NotFoundError } from "../errors";
import { applicationForProducer } from "./access";
import { editableForProducer, refreshProducerPart } from "./producerPart";
import { APPLICATION_RECORD } from "./producerRules";
import { dayAudit } from "./saveScheduleDay";

/** The producer removes a day from a child's schedule (with who was to look after the child that day). */
export async function removeScheduleDay(db: Db, actor: Actor, applicationId: string, dayId: string, now = new Date()) {
  await applicationForProducer(db, actor, applicationId);
  if (!isUuid(dayId)) throw new NotFoundError("Day");
  return db.transaction(async (tx) => {
    const application = await editableForProducer(tx, actor, applicationId);
    const [day] = await tx
      .delete(scheduleDays)
      .where(and(eq(scheduleDays.id, dayId), eq(scheduleDays.applicationId, application.id)))
      .returning();
    if (!day) throw new NotFoundError("Day");
    const complete = await refreshProducerPart(tx, application.id, now);
    await recordAudit(tx, actor, {
      action: "licence.schedule-day-removed",
      recordType: APPLICATION_RECORD,
      recordId: application.id,
      before: dayAudit(day),
      after: { producerPartComplete: complete },
    });
    return { date: day.date };
  });
}
