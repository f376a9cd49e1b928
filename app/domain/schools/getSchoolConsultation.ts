import { and, eq, inArray } from "drizzle-orm";
import { schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { isUuid } from "../children/access";
import { NotFoundError } from "../errors";
import { grantsFor } from "../identity/capabilities";
import { type ConsultationPage, type ConsultationRow, consultationPage } from "./consultationView";

/** The schools the actor answers for (their school memberships). */
export function schoolScope(actor: Actor) {
  return [...new Set(grantsFor(actor, "school:use").map((m) => m.schoolId).filter((id): id is string => !!id))];
}

/** A consultation sent to one of the actor's schools; anyone else's is "not found". */
export async function consultationForSchool(db: Db, actor: Actor, consultationId: string, options: { lock?: boolean } = {}): Promise<ConsultationRow> {
  const scope = schoolScope(actor);
  if (!scope.length || !isUuid(consultationId)) throw new NotFoundError("Consultation");
  const query = db
    .select()
    .from(schoolConsultations)
    .where(and(eq(schoolConsultations.id, consultationId), inArray(schoolConsultations.schoolId, scope)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("Consultation");
  return row;
}

/** The same page as the emailed link, through the school's account (the link's expiry does not apply); an answer is shown in full. */
export async function getSchoolConsultation(db: Db, actor: Actor, consultationId: string, now = new Date()): Promise<ConsultationPage> {
  return consultationPage(db, await consultationForSchool(db, actor, consultationId), now, true);
}
