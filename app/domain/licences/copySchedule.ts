import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { isUuid } from "../children/access";
import { RuleError } from "../errors";
import { termsOf } from "../terms/listTermDates";
import { isSchoolDay } from "../terms/schoolDays";
import { applicationForProducer } from "./access";
import { applicationDays, refreshProducerPart } from "./producerPart";
import { APPLICATION_RECORD } from "./producerRules";

/**
 * A group sharing a schedule: the producer copies one child's days (with their venues, and any reasons for night
 * work) to other children of the same production whose applications have not been sent. Their days are replaced;
 * where a date stays, so does who looks after that child on it. School days are counted from each child's own council.
 */
export async function copySchedule(db: Db, actor: Actor, applicationId: string, targetIds: string[], now = new Date()) {
  const source = await applicationForProducer(db, actor, applicationId);
  const ids = [...new Set(targetIds)].filter((id) => id !== source.id);
  if (!ids.length) throw RuleError.field("applicationIds", "Select the children to copy the schedule to");
  if (!ids.every(isUuid)) throw RuleError.field("applicationIds", "Select children whose applications have not been sent yet");
  return db.transaction(async (tx) => {
    const days = await applicationDays(tx, source.id);
    if (!days.length) throw RuleError.field("applicationIds", "Add at least one day to this child's schedule before copying it");
    const targets = await tx
      .select()
      .from(performanceApplications)
      .where(
        and(
          inArray(performanceApplications.id, ids),
          eq(performanceApplications.productionId, source.productionId),
          eq(performanceApplications.status, "draft"),
          ne(performanceApplications.id, source.id),
        ),
      )
      .orderBy(asc(performanceApplications.id))
      .for("update");
    if (targets.length !== ids.length) throw RuleError.field("applicationIds", "Select children whose applications have not been sent yet");
    for (const target of targets) {
      const terms = await termsOf(tx, target.authorityId);
      const old = await tx.delete(scheduleDays).where(eq(scheduleDays.applicationId, target.id)).returning();
      await tx.insert(scheduleDays).values(
        days.map((d) => {
          const kept = old.find((o) => o.date === d.date);
          return {
            applicationId: target.id,
            date: d.date,
            kind: d.kind,
            venueId: d.venueId,
            arrive: d.arrive,
            depart: d.depart,
            performing: d.performing,
            breaks: d.breaks,
            schoolDay: isSchoolDay(d.date, terms),
            chaperone: kept?.chaperone ?? null,
            chaperoneDocumentId: kept?.chaperoneDocumentId ?? null,
            chaperoneIsTutor: kept?.chaperoneIsTutor ?? false,
          };
        }),
      );
      await tx.update(performanceApplications).set({ nightWorkReasons: source.nightWorkReasons }).where(eq(performanceApplications.id, target.id));
      const complete = await refreshProducerPart(tx, target.id, now);
      await recordAudit(tx, actor, {
        action: "licence.schedule-copied",
        recordType: APPLICATION_RECORD,
        recordId: target.id,
        before: { dates: old.map((o) => o.date), nightWorkReasons: target.nightWorkReasons },
        after: { fromApplicationId: source.id, dates: days.map((d) => d.date), nightWorkReasons: source.nightWorkReasons, producerPartComplete: complete },
      });
    }
    return { copied: targets.length };
  });
}
