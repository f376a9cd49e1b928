import { count, eq } from "drizzle-orm";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { loadOwnProduction } from "../productions/access";
import { producerPartProgress } from "./producerRules";

/** Each licence application of a production (by child) with its status and how far each part has got. */
export async function listProductionApplications(db: Db, actor: Actor, productionId: string) {
  const production = await loadOwnProduction(db, actor, productionId);
  const rows = await db
    .select({
      id: performanceApplications.id,
      childId: performanceApplications.childId,
      status: performanceApplications.status,
      reference: performanceApplications.reference,
      producerPartCompletedAt: performanceApplications.producerPartCompletedAt,
      parentPartCompletedAt: performanceApplications.parentPartCompletedAt,
      paid: performanceApplications.paid,
      contractUploadId: performanceApplications.contractUploadId,
      tutorName: performanceApplications.tutorName,
      days: count(scheduleDays.id),
    })
    .from(performanceApplications)
    .leftJoin(scheduleDays, eq(scheduleDays.applicationId, performanceApplications.id))
    .where(eq(performanceApplications.productionId, production.id))
    .groupBy(performanceApplications.id);
  return rows.map((r) => ({
    id: r.id,
    childId: r.childId,
    status: r.status,
    reference: r.reference,
    producerPart: producerPartProgress(r),
    parentPartCompleted: !!r.parentPartCompletedAt,
  }));
}
