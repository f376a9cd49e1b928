import { and, eq, ne } from "drizzle-orm";
import { productions } from "#db/schema/children";
import { scheduleDays } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { formatDay } from "../calendar/dates";
import { isUuid } from "../children/access";
import { NotFoundError, RuleError } from "../errors";
import { termsOf } from "../terms/listTermDates";
import { listVenues } from "../productions/venues";
import { isSchoolDay } from "../terms/schoolDays";
import { applicationForProducer } from "./access";
import { editableForProducer, refreshProducerPart } from "./producerPart";
import { APPLICATION_RECORD, checkScheduleDay, type ScheduleDayInput } from "./producerRules";

/**
 * The producer adds a day to a child's schedule, or changes one (`dayId`). The day must fall within the
 * production's dates, once per date, and at one of its venues when it has several (otherwise its only venue).
 * Whether it is a school day comes from the home authority's term dates.
 * The hours rules are then checked over all the child's days, on the application's page.
 */
export async function saveScheduleDay(db: Db, actor: Actor, applicationId: string, dayId: string | null, input: ScheduleDayInput, now = new Date()) {
  await applicationForProducer(db, actor, applicationId);
  if (dayId !== null && !isUuid(dayId)) throw new NotFoundError("Day");
  return db.transaction(async (tx) => {
    const application = await editableForProducer(tx, actor, applicationId);
    const [production] = await tx.select().from(productions).where(eq(productions.id, application.productionId));
    const before = dayId
      ? (await tx.select().from(scheduleDays).where(and(eq(scheduleDays.id, dayId), eq(scheduleDays.applicationId, application.id))))[0]
      : undefined;
    if (dayId && !before) throw new NotFoundError("Day");
    const { errors, value } = checkScheduleDay(input, production);
    const venues = await listVenues(tx, production);
    const venue = venues.length > 1 ? venues.find((v) => v.id === input.venueId) : venues[0];
    if (!venue) errors.venueId = ["Select where the child is on this day"];
    if (!value || !venue) throw new RuleError(errors);
    const venueId = venue.main ? null : venue.id;
    const [clash] = await tx
      .select({ id: scheduleDays.id })
      .from(scheduleDays)
      .where(and(eq(scheduleDays.applicationId, application.id), eq(scheduleDays.date, value.date), dayId ? ne(scheduleDays.id, dayId) : undefined));
    if (clash) throw RuleError.field("dateDay", `You have already added ${formatDay(value.date)}: change that day instead`);
    const schoolDay = isSchoolDay(value.date, await termsOf(tx, application.authorityId));
    const [day] = before
      ? await tx
          .update(scheduleDays)
          .set({ ...value, venueId, schoolDay })
          .where(eq(scheduleDays.id, before.id))
          .returning()
      : await tx
          .insert(scheduleDays)
          .values({ ...value, venueId, schoolDay, applicationId: application.id })
          .returning();
    const complete = await refreshProducerPart(tx, application.id, now);
    await recordAudit(tx, actor, {
      action: before ? "licence.schedule-day-changed" : "licence.schedule-day-added",
      recordType: APPLICATION_RECORD,
      recordId: application.id,
      before: before ? dayAudit(before) : undefined,
      after: { ...dayAudit(day), producerPartComplete: complete },
    });
    return { dayId: day.id, schoolDay };
  });
}

/** What an audit row keeps of a day. */
export const dayAudit = (d: typeof scheduleDays.$inferSelect) => ({
  dayId: d.id,
  date: d.date,
  kind: d.kind,
  venueId: d.venueId,
  arrive: d.arrive,
  depart: d.depart,
  performing: d.performing,
  breaks: d.breaks,
  schoolDay: d.schoolDay,
});
