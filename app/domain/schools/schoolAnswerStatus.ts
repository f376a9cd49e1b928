import { desc, eq } from "drizzle-orm";
import { schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import { londonDate } from "../calendar/dates";
import { consultationClock } from "./consultationClock";

const ANSWERS = { consent: "The school consents", object: "The school objects: the council will weigh this in its decision" } as const;

/**
 * Where the school's answer stands, for the producer and the parent (SCHOOL-DEADLINE): the clock and whether it
 * consented or objected, never the school's reasons. Null when the school has not been asked.
 */
export async function schoolAnswerStatus(db: Db, applicationId: string, now = new Date()) {
  const [consultation] = await db
    .select({ dueOn: schoolConsultations.dueOn, response: schoolConsultations.response, respondedAt: schoolConsultations.respondedAt })
    .from(schoolConsultations)
    .where(eq(schoolConsultations.applicationId, applicationId))
    .orderBy(desc(schoolConsultations.createdAt))
    .limit(1);
  if (!consultation) return null;
  return {
    dueOn: consultation.dueOn,
    clock: consultationClock(consultation.dueOn, londonDate(now), consultation.respondedAt),
    answer: consultation.response ? ANSWERS[consultation.response] : null,
  };
}
